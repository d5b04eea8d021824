import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import { changed } from '../admin/config-commands';
import type { CommandExecutor } from '../commands/executor';
import { detectImportFormat } from '../dossiers/import/detect-format';
import { MAX_IMPORT_BYTES } from '../dossiers/import/types';
import { adminActor, requireAdmin } from '../http/admin-auth';
import { readBody, sendJson } from '../http/json';
import { applyCatalogRows, checkCatalogRows, type CatalogApplyResult } from './apply-catalog';
import type { ImportGate } from '../workers/import-gate';
import { JobError, startJob } from '../workers/run-job';
import { msg } from '../dossiers/import/messages';
import type { CatalogIssue, ParsedCatalog } from './types';

export interface CatalogRouteDeps {
  store: Store;
  clock: Clock;
  executor: CommandExecutor;
  imports: ImportGate;
}

type Outcome = { ok: true; result: CatalogApplyResult; imported: number } | { ok: false; issues: CatalogIssue[] };

/**
 * POST /api/admin/procedures/import (body: the CSV or XLSX file; `?name=` its file name).
 * All rows or none, in one transaction with a `config:changed` (procedures) event row; one
 * import at a time (BUSY, 409), the file read and checked in a job worker:
 * 200 `{ ok, data: { imported, created, updated, unchanged } }`, or 422 with `issues` by line.
 */
export async function handleProcedureImport(req: IncomingMessage, res: ServerResponse, deps: CatalogRouteDeps): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  const outcome = await deps.imports.run('procedures', () => importCatalog(req, deps, admin));
  if (!outcome.ok) {
    return sendJson(res, 422, {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: `${outcome.issues.length} lỗi; chưa nhập thủ tục nào` },
      issues: outcome.issues,
    });
  }
  sendJson(res, 200, { ok: true, data: { imported: outcome.imported, ...outcome.result } });
}

/** Reads and checks the file in a job worker (the hub keeps serving), then applies it in one transaction (at most 10,000 upserts). */
async function importCatalog(req: IncomingMessage, deps: CatalogRouteDeps, admin: { id: string; fullName: string }): Promise<Outcome> {
  const body = await readBody(req, MAX_IMPORT_BYTES, `Tệp lớn hơn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
  const name = new URL(req.url ?? '/', 'http://hub').searchParams.get('name');
  const format = detectImportFormat(name, req.headers['content-type'] ?? null, body.subarray(0, 8));
  if (!format) throw new DomainError('VALIDATION_FAILED', 'Chỉ nhận tệp CSV hoặc XLSX');
  const job = await startJob<'catalog-import'>({ kind: 'catalog-import', content: body, format });
  let parsed: ParsedCatalog;
  try {
    parsed = await job.result.catch((e: unknown): ParsedCatalog => {
      if (e instanceof JobError && e.outOfMemory) return { rows: [], issues: [{ line: 0, column: null, code: 'BAD_FILE', message: msg.workbookTooComplex() }] };
      throw e;
    });
  } finally {
    await job.close();
  }
  const actor = adminActor(admin);
  return deps.executor.transact(actor, (ctx): Outcome => {
    const issues = [...parsed.issues, ...checkCatalogRows(ctx.store.config.fields(), parsed.rows)].sort((a, b) => a.line - b.line);
    if (issues.length > 0) return { ok: false, issues };
    const result = applyCatalogRows(ctx, parsed.rows);
    // the event row { type: 'config:changed', section: 'procedures' } in this transaction; the
    // executor drops its configuration cache after the commit, before the broadcast
    changed(ctx, 'procedures');
    return { ok: true, result, imported: parsed.rows.length };
  });
}
