import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import type { Logger } from 'pino';
import type { CommandExecutor } from '../commands/executor';
import { MAX_IMPORT_BYTES, detectImportFormat } from '../dossiers/import';
import { msg } from '../dossiers/import/messages';
import { findStoredCodes, insertRows } from '../dossiers/import-apply';
import type { ImportGate } from '../workers/import-gate';
import { MAX_REPORTED_ISSUES, type PreparedDossier } from '../workers/protocol';
import { JobError, startJob } from '../workers/run-job';
import { requireAdmin } from './admin-auth';
import { readBody, sendJson } from './json';

export interface DossierImportDeps {
  store: Store;
  clock: Clock;
  executor: CommandExecutor;
  logger: Logger;
  imports: ImportGate;
}

interface Issue {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

type Outcome = { ok: true; imported: number } | { ok: false; issues: readonly Issue[]; issueCount: number };

function refuse(res: ServerResponse, issues: readonly Issue[], issueCount: number): void {
  const sorted = [...issues].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ISSUES);
  sendJson(res, 422, {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: `${issueCount} lỗi; chưa nhập hồ sơ nào` },
    issues: sorted,
    issueCount,
  });
}

/** A worker that ran out of memory read a hostile or oversized workbook: the file's fault. */
function jobFailure(e: unknown): Issue[] {
  if (e instanceof JobError && e.outOfMemory) return [{ line: 0, column: null, code: 'BAD_FILE', message: msg.workbookTooComplex() }];
  throw e;
}

/** A code stored by someone else between the check and the insert: the import was undone. */
function conflict(e: unknown): never {
  if (String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) {
    throw new DomainError('CONFLICT', 'Một hồ sơ trong tệp vừa được thêm bởi thao tác khác; chưa nhập hồ sơ nào, hãy nhập lại.');
  }
  throw e;
}

/**
 * POST /api/admin/dossiers/import (body: the CSV or XLSX file; `?name=` its file name). All rows
 * or none: any bad row is reported by line and nothing is stored. The file is read and checked in
 * a worker thread and stored in short transactions (dossiers/import-apply.ts), so the hub keeps
 * answering everyone meanwhile; a second import while one runs is refused with BUSY (409).
 */
export async function handleDossierImport(req: IncomingMessage, res: ServerResponse, deps: DossierImportDeps): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  // answered once the gate is open again, so the client's next import is not refused as BUSY
  const outcome = await deps.imports.run('dossiers', async (): Promise<Outcome> => {
    const body = await readBody(req, MAX_IMPORT_BYTES, `Tệp lớn hơn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
    const name = new URL(req.url ?? '/', 'http://hub').searchParams.get('name');
    const format = detectImportFormat(name, req.headers['content-type'] ?? null, body.subarray(0, 8));
    if (!format) throw new DomainError('VALIDATION_FAILED', 'Chỉ nhận tệp CSV hoặc XLSX');
    const procedures = deps.executor.config.procedures().map(({ id, fieldId, code, name: n }) => ({ id, fieldId, code, name: n }));
    const timeZone = deps.executor.config.site().timeZone;
    const job = await startJob<'dossier-import'>({ kind: 'dossier-import', content: body, format, procedures, timeZone });
    try {
      const summary = await job.result.catch((e: unknown) => ({ rows: 0, issues: jobFailure(e), issueCount: 1 }));
      if (summary.issueCount > 0) return { ok: false, issues: summary.issues, issueCount: summary.issueCount };
      const rows = (r: { from: number; count: number }): Promise<PreparedDossier[]> => job.ask<PreparedDossier[]>(r);
      const stored = await findStoredCodes(deps.store, summary.rows, rows);
      if (stored.length > 0) return { ok: false, issues: stored, issueCount: stored.length };
      const actor = { role: 'admin' as const, id: admin.id, name: admin.fullName, deviceId: null };
      return { ok: true, imported: await insertRows(deps, actor, summary.rows, rows).catch(conflict) };
    } finally {
      await job.close();
    }
  });
  if (!outcome.ok) return refuse(res, outcome.issues, outcome.issueCount);
  sendJson(res, 200, { ok: true, data: { imported: outcome.imported } });
}
