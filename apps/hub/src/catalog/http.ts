import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import { changed } from '../admin/config-commands';
import type { CommandExecutor } from '../commands/executor';
import { detectImportFormat } from '../dossiers/import/detect-format';
import { MAX_IMPORT_BYTES } from '../dossiers/import/types';
import { requireAdmin } from '../http/admin-auth';
import { readBody, sendJson } from '../http/json';
import { applyCatalogRows, checkCatalogRows, type CatalogApplyResult } from './apply-catalog';
import { parseProcedureCatalog } from './parse-catalog';
import type { CatalogIssue } from './types';

export interface CatalogRouteDeps {
  store: Store;
  clock: Clock;
  executor: CommandExecutor;
}

type Outcome = { ok: true; result: CatalogApplyResult } | { ok: false; issues: CatalogIssue[] };

/**
 * POST /api/admin/procedures/import (body: the CSV or XLSX file; `?name=` its file name).
 * All rows or none, in one transaction with a `config:changed` (procedures) event row:
 * 200 `{ ok, data: { imported, created, updated, unchanged } }`, or 422 with `issues` by line.
 */
export async function handleProcedureImport(req: IncomingMessage, res: ServerResponse, deps: CatalogRouteDeps): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  const body = await readBody(req, MAX_IMPORT_BYTES, `Tệp lớn hơn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
  const name = new URL(req.url ?? '/', 'http://hub').searchParams.get('name');
  const format = detectImportFormat(name, req.headers['content-type'] ?? null, body.subarray(0, 8));
  if (!format) throw new DomainError('VALIDATION_FAILED', 'Chỉ nhận tệp CSV hoặc XLSX');
  const parsed = await parseProcedureCatalog(body, format);
  const actor = { role: 'admin' as const, id: admin.id, name: admin.fullName, deviceId: null };
  const outcome = deps.executor.transact(actor, (ctx): Outcome => {
    const issues = [...parsed.issues, ...checkCatalogRows(ctx.store.config.fields(), parsed.rows)].sort((a, b) => a.line - b.line);
    if (issues.length > 0) return { ok: false, issues };
    const result = applyCatalogRows(ctx, parsed.rows);
    // the event row { type: 'config:changed', section: 'procedures' } in this transaction; the
    // executor drops its configuration cache after the commit, before the broadcast
    changed(ctx, 'procedures');
    return { ok: true, result };
  });
  if (!outcome.ok) {
    return sendJson(res, 422, {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: `${outcome.issues.length} lỗi; chưa nhập thủ tục nào` },
      issues: outcome.issues,
    });
  }
  sendJson(res, 200, { ok: true, data: { imported: parsed.rows.length, ...outcome.result } });
}
