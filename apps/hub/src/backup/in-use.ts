/**
 * Whether a database file is open in a running hub. The hub needs to do nothing for this: in WAL
 * mode every open connection keeps a shared lock on the database file for as long as it is open
 * (even idle), so asking SQLite for an exclusive lock (`locking_mode = EXCLUSIVE` +
 * `BEGIN EXCLUSIVE`) fails with SQLITE_BUSY while a hub has it open. Locks held by a process end
 * with it: a hub killed by a power cut leaves no stale lock. (A plain `BEGIN EXCLUSIVE` is not
 * enough: in WAL mode it only excludes other writers, and an idle hub writes nothing.)
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { errorCode } from './errors';

const BUSY = /^SQLITE_(BUSY|LOCKED)/;

/**
 * True when another connection (a running hub, a report reader) has `path` open. False for a
 * missing file and for a file that is not a database. When the file is free, a pending WAL is
 * checkpointed into it by the probe (SQLite does that when the last connection closes).
 */
export function isDatabaseInUse(path: string, waitMs = 250): boolean {
  if (!existsSync(path)) return false;
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: waitMs });
  } catch (e) {
    return BUSY.test(errorCode(e) ?? '');
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (e) {
    return BUSY.test(errorCode(e) ?? '');
  } finally {
    db.close();
  }
}
