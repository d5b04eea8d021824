import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { Store } from '@qms/store';
import type { CommandExecutor } from '../commands/executor';
import { MAX_IMPORT_BYTES, detectImportFormat, parseDossierImport } from '../dossiers/import';
import { checkImportRows, insertImportRows } from '../dossiers/import-apply';
import { requireAdmin } from './admin-auth';
import { readBody, sendJson } from './json';

/**
 * POST /api/admin/dossiers/import (body: the CSV or XLSX file; `?name=` its file name). All rows
 * or none: any bad row is reported by line and nothing is stored.
 */
export async function handleDossierImport(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { store: Store; clock: Clock; executor: CommandExecutor },
): Promise<void> {
  const admin = requireAdmin(req, deps.store, deps.clock);
  const body = await readBody(req, MAX_IMPORT_BYTES, `Tệp lớn hơn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`);
  const name = new URL(req.url ?? '/', 'http://hub').searchParams.get('name');
  const format = detectImportFormat(name, req.headers['content-type'] ?? null, body.subarray(0, 8));
  if (!format) throw new DomainError('VALIDATION_FAILED', 'Chỉ nhận tệp CSV hoặc XLSX');
  const parsed = await parseDossierImport(body, format);
  const actor = { role: 'admin' as const, id: admin.id, name: admin.fullName, deviceId: null };
  const result = deps.executor.transact(actor, (ctx) => {
    const issues = [...parsed.issues, ...checkImportRows(ctx, parsed.rows)].sort((a, b) => a.line - b.line);
    if (issues.length > 0) return { imported: 0, issues };
    const imported = insertImportRows(ctx, parsed.rows);
    ctx.emit({ type: 'dossier:changed', action: 'imported', dossier: null, count: imported }, {});
    return { imported, issues };
  });
  if (result.issues.length > 0) {
    return sendJson(res, 422, {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: `${result.issues.length} lỗi; chưa nhập hồ sơ nào` },
      issues: result.issues,
    });
  }
  sendJson(res, 200, { ok: true, data: { imported: result.imported } });
}
