/**
 * Admin routes of the backups (bearer session of an admin, see requireAdmin):
 *   POST /api/admin/backups   takes a backup now; answers the file
 *   GET  /api/admin/backups   the backups in the folder, the last error and the next daily time
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '@qms/core';
import type { Store } from '@qms/store';
import { requireAdmin } from '../http/admin-auth';
import { sendJson } from '../http/json';
import { BackupError, type BackupService } from './backup-service';
import { formatLocal } from './local-time';

export interface BackupRouteDeps {
  store: Store;
  clock: Clock;
  backups: BackupService;
}

/** POST /api/admin/backups: 200 `{ ok, data: BackupResult & { takenAtLocal } }`, or 500 with the reason (also kept in lastError). */
export async function handleBackupNow(req: IncomingMessage, res: ServerResponse, deps: BackupRouteDeps): Promise<void> {
  requireAdmin(req, deps.store, deps.clock);
  try {
    const b = await deps.backups.backupNow('manual');
    const { path: _path, ...file } = b;
    sendJson(res, 200, { ok: true, data: { ...file, takenAtLocal: formatLocal(b.takenAt, deps.backups.timeZone) } });
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: e.failure.message } });
  }
}

/** GET /api/admin/backups: the folder's backups (newest first) with the scheduler's state. */
export async function handleBackupList(req: IncomingMessage, res: ServerResponse, deps: BackupRouteDeps): Promise<void> {
  requireAdmin(req, deps.store, deps.clock);
  const service = deps.backups;
  const zone = service.timeZone;
  const status = service.status();
  let listError: string | null = null;
  let backups: Array<{ file: string; bytes: number; takenAt: number; takenAtLocal: string; modifiedAt: number }> = [];
  try {
    backups = service.list().map((b) => ({ file: b.file, bytes: b.bytes, takenAt: b.takenAt, takenAtLocal: formatLocal(b.takenAt, zone), modifiedAt: b.modifiedAt }));
  } catch (e) {
    listError = `Không đọc được thư mục sao lưu ${service.dir} (${(e as Error).message})`;
  }
  const lastBackup = status.lastBackup ? (({ path: _path, ...rest }) => rest)(status.lastBackup) : null;
  sendJson(res, 200, {
    ok: true,
    data: {
      ...status,
      lastBackup,
      nextAtLocal: status.nextAt === null ? null : formatLocal(status.nextAt, zone),
      backups,
      totalBytes: backups.reduce((n, b) => n + b.bytes, 0),
      listError,
    },
  });
}
