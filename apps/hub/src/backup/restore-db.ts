/**
 * Restores a backup as the hub's database: checks it (integrity, schema not newer than this
 * hub), refuses a target in use by a running hub, and an existing target unless forced; works on
 * a temporary copy beside the target (checked, migrated, sealed), then swaps it in by renaming.
 * The database it replaces is kept beside it (`<db>.before-restore-<time>`), with its WAL.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_TIME_ZONE } from '@qms/core';
import { loadMigrations, migrate, OWNER_ONLY_DIR, type Migration } from '@qms/store';
import { errorCode } from './errors';
import { isDatabaseInUse } from './in-use';
import { localStamp } from './local-time';
import { fsyncPath } from './write-backup';

export type RestoreErrorCode =
  | 'BACKUP_MISSING'
  | 'BACKUP_CORRUPT'
  | 'NOT_A_QMS_BACKUP'
  | 'SCHEMA_TOO_NEW'
  | 'TARGET_IN_USE'
  | 'TARGET_EXISTS'
  | 'SAME_FILE'
  | 'IO_FAILED';

export class RestoreError extends Error {
  constructor(
    readonly code: RestoreErrorCode,
    /** Vietnamese, for the operator. */
    readonly vi: string,
    /** English detail. */
    readonly en: string,
  ) {
    super(`${vi} (${en})`);
    this.name = 'RestoreError';
  }
}

export interface RestoreOptions {
  /** The backup file. */
  from: string;
  /** The database file to (re)create. */
  db: string;
  /** Replace an existing database (it is kept beside, renamed). */
  force?: boolean;
  /** For the name of the replaced database; default Date.now. */
  now?: () => number;
  timeZone?: string;
  migrations?: Migration[];
}

export interface RestoreReport {
  from: string;
  db: string;
  bytes: number;
  integrity: 'ok';
  /** Schema version of the backup, and of the restored database. */
  fromVersion: number;
  toVersion: number;
  /** Migrations applied to bring the backup to this hub's schema. */
  applied: number[];
  /** Where the replaced database now is, or null when there was none. */
  keptPrevious: string | null;
  /** Leftover files of the replaced database removed (`-shm`, `-journal`). */
  removed: string[];
  tickets: number;
  /** Time of the last event in the backup (epoch ms), or null. */
  lastEventAt: number | null;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

function removeWithSides(path: string): void {
  for (const p of [path, ...SIDE_FILES.map((s) => `${path}${s}`)]) rmSync(p, { force: true });
}

/** Checks, migrates and seals the temporary copy; returns what the report needs. Throws RestoreError. */
function prepareCopy(tmp: string, migrations: Migration[]): Omit<RestoreReport, 'from' | 'db' | 'bytes' | 'keptPrevious' | 'removed'> {
  let db: Database.Database;
  try {
    db = new Database(tmp, { fileMustExist: true });
  } catch (e) {
    throw new RestoreError('BACKUP_CORRUPT', 'Không mở được tệp sao lưu', `cannot open the backup: ${(e as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (e) {
      throw new RestoreError('BACKUP_CORRUPT', 'Tệp sao lưu bị hỏng hoặc không phải cơ sở dữ liệu SQLite', `${errorCode(e) ?? 'error'}: ${(e as Error).message}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new RestoreError('BACKUP_CORRUPT', 'Tệp sao lưu không qua được kiểm tra toàn vẹn', `integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    }
    const fromVersion = db.pragma('user_version', { simple: true }) as number;
    const hasTickets = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").get() !== undefined;
    if (fromVersion < 1 || !hasTickets) {
      throw new RestoreError('NOT_A_QMS_BACKUP', 'Tệp này không phải bản sao lưu của hệ thống xếp hàng', `user_version ${fromVersion}, tickets table ${hasTickets ? 'present' : 'missing'}`);
    }
    if (fromVersion > migrations.length) {
      throw new RestoreError(
        'SCHEMA_TOO_NEW',
        `Bản sao lưu được tạo bởi phiên bản phần mềm mới hơn (lược đồ ${fromVersion}, phần mềm này biết đến ${migrations.length}); hãy cập nhật phần mềm trước`,
        `backup schema ${fromVersion} is newer than this hub's ${migrations.length}`,
      );
    }
    const applied = migrate(db, undefined, migrations);
    db.pragma('journal_mode = DELETE');
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    const lastEventAt = (db.prepare('SELECT MAX(at) AS at FROM events').get() as { at: number | null } | undefined)?.at ?? null;
    return { integrity: 'ok', fromVersion, toVersion: db.pragma('user_version', { simple: true }) as number, applied, tickets, lastEventAt };
  } finally {
    db.close();
  }
}

function refuseIfInUse(db: string): void {
  if (isDatabaseInUse(db)) {
    throw new RestoreError(
      'TARGET_IN_USE',
      'Cơ sở dữ liệu đích đang được máy chủ sử dụng; hãy dừng máy chủ (hub) rồi chạy lại lệnh khôi phục',
      `${db} is open in another process (SQLITE_BUSY on an exclusive lock)`,
    );
  }
}

export function restoreDatabase(options: RestoreOptions): RestoreReport {
  const from = resolve(options.from);
  const db = resolve(options.db);
  const migrations = options.migrations ?? loadMigrations();
  if (from === db) throw new RestoreError('SAME_FILE', 'Tệp sao lưu và cơ sở dữ liệu đích là cùng một tệp', `--from and --db are both ${db}`);
  if (!existsSync(from) || !statSync(from).isFile()) {
    throw new RestoreError('BACKUP_MISSING', `Không tìm thấy tệp sao lưu ${from}`, 'no such file');
  }
  refuseIfInUse(db);
  if (existsSync(db) && !options.force) {
    throw new RestoreError('TARGET_EXISTS', `Đã có cơ sở dữ liệu tại ${db}; thêm --force để thay thế (bản cũ sẽ được giữ lại bên cạnh)`, 'target exists; pass --force');
  }

  mkdirSync(dirname(db), { recursive: true, mode: OWNER_ONLY_DIR });
  const tmp = join(dirname(db), `.${basename(db)}.restoring-${process.pid}`);
  removeWithSides(tmp);
  try {
    try {
      copyFileSync(from, tmp);
      // a copy of a live database may come with its WAL: SQLite folds it in when the copy is opened
      if (existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0) copyFileSync(`${from}-wal`, `${tmp}-wal`);
    } catch (e) {
      throw new RestoreError('IO_FAILED', 'Không sao chép được tệp sao lưu', `${errorCode(e) ?? 'error'}: ${(e as Error).message}`);
    }
    const checked = prepareCopy(tmp, migrations);
    fsyncPath(tmp);
    refuseIfInUse(db);
    const swapped = swapIn(tmp, db, options.now?.() ?? Date.now(), options.timeZone ?? DEFAULT_TIME_ZONE);
    return { from, db, bytes: statSync(db).size, ...checked, ...swapped };
  } finally {
    removeWithSides(tmp);
  }
}

/** Moves the current database (and its WAL) aside, removes its leftovers, renames the copy into place. */
function swapIn(tmp: string, db: string, now: number, timeZone: string): { keptPrevious: string | null; removed: string[] } {
  let keptPrevious: string | null = null;
  const removed: string[] = [];
  try {
    if (existsSync(db)) {
      keptPrevious = `${db}.before-restore-${localStamp(now, timeZone)}`;
      for (let n = 2; existsSync(keptPrevious); n++) keptPrevious = `${db}.before-restore-${localStamp(now, timeZone)}-${n}`;
      renameSync(db, keptPrevious);
      if (existsSync(`${db}-wal`)) renameSync(`${db}-wal`, `${keptPrevious}-wal`);
    }
    for (const side of SIDE_FILES) {
      const p = `${db}${side}`;
      if (existsSync(p)) {
        rmSync(p, { force: true });
        removed.push(p);
      }
    }
    renameSync(tmp, db);
    fsyncPath(dirname(db), true);
  } catch (e) {
    // put the previous database back where it was, so a failed restore changes nothing
    if (keptPrevious && !existsSync(db) && existsSync(keptPrevious)) {
      try {
        renameSync(keptPrevious, db);
        if (existsSync(`${keptPrevious}-wal`)) renameSync(`${keptPrevious}-wal`, `${db}-wal`);
      } catch {
        // reported below: the operator finds the previous database under its kept name
      }
    }
    throw new RestoreError('IO_FAILED', 'Không thay được tệp cơ sở dữ liệu', `${errorCode(e) ?? 'error'}: ${(e as Error).message}`);
  }
  return { keptPrevious, removed };
}
