/**
 * Applies checked catalog rows inside the caller's transaction: resolves each row's field,
 * then upserts by code (case-insensitive): an existing procedure keeps its id and gets the
 * file's code spelling, name, days, fee, field and (when given) status; a new one is added.
 * Procedures not in the file are left as they are. Imported rows take the file's order.
 */
import { randomUUID } from 'node:crypto';
import type { Field, Procedure } from '@qms/core';
import type { CommandContext } from '../domain/context';
import { catalogMsg } from './messages';
import type { CatalogIssue, CatalogRow } from './types';

export interface CatalogApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Names compared without case, extra spaces or the kind of dash (“Tư pháp - Hộ tịch” = “Tư pháp – Hộ tịch”). */
const nameKey = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/\s*[-\u2010-\u2015]\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');

/** A field by its id, its code, or its Vietnamese (or English) name. */
export function resolveField(fields: readonly Field[], ref: string): Field | undefined {
  const key = nameKey(ref);
  return (
    fields.find((f) => f.id === ref) ??
    fields.find((f) => f.code.toLowerCase() === ref.toLowerCase()) ??
    fields.find((f) => nameKey(f.nameVi) === key) ??
    fields.find((f) => nameKey(f.nameEn) === key)
  );
}

/** UNKNOWN_FIELD for every row whose field does not exist. */
export function checkCatalogRows(fields: readonly Field[], rows: readonly CatalogRow[]): CatalogIssue[] {
  return rows
    .filter((r) => !resolveField(fields, r.fieldRef))
    .map((r) => ({ line: r.line, column: 'field' as const, code: 'UNKNOWN_FIELD' as const, message: catalogMsg.unknownField(r.line, r.fieldRef) }));
}

const same = (a: Procedure, b: Procedure): boolean =>
  a.code === b.code && a.name === b.name && a.fieldId === b.fieldId && a.processingDays === b.processingDays && a.fee === b.fee && a.enabled === b.enabled &&
  (a.cutoffTime ?? null) === (b.cutoffTime ?? null) && JSON.stringify(a.documents ?? []) === JSON.stringify(b.documents ?? []);

function newId(code: string, taken: ReadonlySet<string>): string {
  const readable = `tt-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return taken.has(readable) ? `tt-${randomUUID()}` : readable;
}

/** Upserts checked rows (all fields resolvable: call checkCatalogRows first). */
export function applyCatalogRows(ctx: CommandContext, rows: readonly CatalogRow[]): CatalogApplyResult {
  const fields = ctx.store.config.fields();
  const existing = ctx.store.dossiers.procedures();
  const byCode = new Map(existing.map((p) => [p.code, p]));
  const byLowerCode = new Map(existing.map((p) => [p.code.toLowerCase(), p]));
  const ids = new Set(existing.map((p) => p.id));
  const result: CatalogApplyResult = { created: 0, updated: 0, unchanged: 0 };
  rows.forEach((r, i) => {
    const field = resolveField(fields, r.fieldRef);
    if (!field) throw new Error(`field ${r.fieldRef} not found (line ${r.line})`);
    const before = byCode.get(r.code) ?? byLowerCode.get(r.code.toLowerCase());
    const p: Procedure = {
      id: before?.id ?? newId(r.code, ids),
      fieldId: field.id,
      code: r.code,
      name: r.name,
      processingDays: r.processingDays,
      cutoffTime: r.cutoffTime ?? before?.cutoffTime ?? null,
      fee: r.fee,
      enabled: r.enabled ?? before?.enabled ?? true,
      documents: r.documents ?? before?.documents ?? [],
    };
    ids.add(p.id);
    ctx.store.dossiers.saveProcedure(p, i + 1);
    if (!before) result.created += 1;
    else if (same(before, p)) result.unchanged += 1;
    else result.updated += 1;
  });
  return result;
}
