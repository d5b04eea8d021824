import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import type { Logger } from 'pino';
import type { CommandExecutor } from '../commands/executor';
import { MAX_IMPORT_BYTES, detectImportFormat } from '../dossiers/import';
import { msg } from '../dossiers/import/messages';
import { applyRows, previewRows, type ImportPreview } from '../dossiers/import-apply';
import type { ImportGate } from '../workers/import-gate';
import { MAX_REPORTED_ISSUES, type DossierImportSummary, type PreparedDossier } from '../workers/protocol';
import { JobError, startJob } from '../workers/run-job';
import { adminActor, requireAdmin } from './admin-auth';
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

type Counts = { created: number; updated: number; unchanged: number };

type Outcome =
  | { ok: true; data: (Counts & { imported: number }) | (ImportPreview & { dryRun: true }) }
  | { ok: false; issues: readonly Issue[]; issueCount: number; preview: ImportPreview | null };

function refuse(res: ServerResponse, outcome: Extract<Outcome, { ok: false }>): void {
  const sorted = [...outcome.issues].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ISSUES);
  sendJson(res, 422, {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: `${outcome.issueCount} lỗi; chưa nhập hồ sơ nào` },
    issues: sorted,
    issueCount: outcome.issueCount,
    ...(outcome.preview ? { dryRun: true, summary: outcome.preview } : {}),
  });
}

/** A worker that ran out of memory read a hostile or oversized workbook: the file's fault. */
function jobFailure(e: unknown): DossierImportSummary {
  if (e instanceof JobError && e.outOfMemory) {
    return { rows: 0, issues: [{ line: 0, column: null, code: 'BAD_FILE', message: msg.workbookTooComplex() }], issueCount: 1 };
  }
  throw e;
}

/** A constraint broken while applying (a procedure or code changed meanwhile): the run was undone. */
function conflict(e: unknown): never {
  if (String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) {
    throw new DomainError('CONFLICT', 'Dữ liệu vừa được thay đổi bởi thao tác khác trong lúc nhập; chưa nhập hồ sơ nào, hãy nhập lại.');
  }
  throw e;
}

const isDryRun = (url: URL): boolean => ['1', 'true'].includes(url.searchParams.get('dryRun') ?? '');

/**
 * POST /api/admin/dossiers/import (body: the CSV or XLSX file; `?name=` its file name;
 * `?dryRun=1` to count what it would do without storing anything). All rows or none: any bad
 * row is reported by line and nothing is stored. A row whose code is stored already (in any
 * case) updates that dossier's status and dates; one that changes nothing is left alone. The
 * file is read and checked in a worker thread and stored in short transactions
 * (dossiers/import-apply.ts), so the hub keeps answering everyone meanwhile; a second import
 * while one runs is refused with BUSY (409).
 */
export async function handleDossierImport(req: IncomingMessage, res: ServerResponse, deps: DossierImportDeps): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  // answered once the gate is open again, so the client's next import is not refused as BUSY
  const outcome = await deps.imports.run('dossiers', async (): Promise<Outcome> => {
    const body = await readBody(req, MAX_IMPORT_BYTES, `Tệp lớn hơn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
    const url = new URL(req.url ?? '/', 'http://hub');
    const format = detectImportFormat(url.searchParams.get('name'), req.headers['content-type'] ?? null, body.subarray(0, 8));
    if (!format) throw new DomainError('VALIDATION_FAILED', 'Chỉ nhận tệp CSV hoặc XLSX');
    const procedures = deps.executor.config.procedures().map(({ id, fieldId, code, name: n }) => ({ id, fieldId, code, name: n }));
    const timeZone = deps.executor.config.site().timeZone;
    const job = await startJob<'dossier-import'>({ kind: 'dossier-import', content: body, format, procedures, timeZone });
    try {
      const summary = await job.result.catch(jobFailure);
      const rows = (r: { from: number; count: number }): Promise<PreparedDossier[]> => job.ask<PreparedDossier[]>(r);
      if (isDryRun(url)) {
        const preview = await previewRows(deps.store, summary.rows, rows);
        if (summary.issueCount > 0) return { ok: false, issues: summary.issues, issueCount: summary.issueCount, preview };
        return { ok: true, data: { dryRun: true, ...preview } };
      }
      if (summary.issueCount > 0) return { ok: false, issues: summary.issues, issueCount: summary.issueCount, preview: null };
      const actor = adminActor(admin);
      const none = { created: 0, updated: 0, unchanged: 0 };
      const counts = summary.rows === 0 ? none : await applyRows(deps, actor, summary.rows, rows).catch(conflict);
      return { ok: true, data: { imported: summary.rows, ...counts } };
    } finally {
      await job.close();
    }
  });
  if (!outcome.ok) return refuse(res, outcome);
  sendJson(res, 200, { ok: true, data: outcome.data });
}
