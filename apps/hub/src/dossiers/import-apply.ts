import type { Dossier, Procedure } from '@qms/core';
import { serviceDayOf } from '@qms/core';
import type { CommandContext } from '../domain/context';
import type { ImportRow } from './import';

/** An issue found against the database, in the same shape as the parser's. */
export interface ApplyIssue {
  line: number;
  column: string | null;
  code: 'DUPLICATE_IN_DB' | 'UNKNOWN_PROCEDURE';
  message: string;
}

function findProcedure(procedures: readonly Procedure[], ref: string): Procedure | undefined {
  const key = ref.trim().normalize('NFC').toLowerCase();
  return procedures.find((p) => p.code.toLowerCase() === key || p.name.normalize('NFC').toLowerCase() === key);
}

/** Checks parsed rows against the catalog and the dossiers already stored. */
export function checkImportRows(ctx: CommandContext, rows: readonly ImportRow[]): ApplyIssue[] {
  const procedures = ctx.config.procedures();
  const existing = ctx.store.dossiers.existingCodes(rows.map((r) => r.code));
  const issues: ApplyIssue[] = [];
  for (const r of rows) {
    if (existing.has(r.code)) {
      issues.push({ line: r.line, column: 'code', code: 'DUPLICATE_IN_DB', message: `Dòng ${r.line}: hồ sơ ${r.code} đã có trong hệ thống` });
    }
    if (!findProcedure(procedures, r.procedureRef)) {
      issues.push({
        line: r.line,
        column: 'procedureRef',
        code: 'UNKNOWN_PROCEDURE',
        message: `Dòng ${r.line}: không có thủ tục «${r.procedureRef.slice(0, 60)}» trong danh mục`,
      });
    }
  }
  return issues;
}

/** Stores checked rows as online dossiers (inside the caller's transaction). */
export function insertImportRows(ctx: CommandContext, rows: readonly ImportRow[]): number {
  const procedures = ctx.config.procedures();
  for (const r of rows) {
    const p = findProcedure(procedures, r.procedureRef);
    if (!p) continue;
    const d: Dossier = {
      id: crypto.randomUUID(),
      code: r.code,
      procedureId: p.id,
      fieldId: p.fieldId,
      channel: 'online',
      ticketId: null,
      applicant: { fullName: r.applicantName ?? '', cccd: null, phone: null, birthDate: null, address: null },
      receivedAt: r.receivedAt,
      dueDate: r.dueDate,
      status: r.status,
      resolvedAt: r.resolvedAt ?? (r.status === 'result_ready' || r.status === 'returned' || r.status === 'rejected' ? r.returnedAt : null),
      returnedAt: r.returnedAt,
      counterId: null,
      officerId: null,
      note: null,
    };
    ctx.store.dossiers.insert(d, serviceDayOf(r.receivedAt, ctx.site.timeZone), null);
    ctx.store.dossiers.addHistory(d.id, { at: ctx.now, from: null, to: d.status, actorKind: ctx.actor.role, actorId: ctx.actor.id, note: 'nhập từ cổng dịch vụ công' });
  }
  return rows.length;
}
