/**
 * One backup, start to finish: SQLite's online backup API copies the live database page by page
 * (the hub keeps writing on the same connection meanwhile; the copy ends consistent), 256
 * pages per turn of the event loop, into `<name>.partial`, which is fsynced (on libuv's pool),
 * sealed (DELETE journal mode) and checked in a worker, then renamed to its final name. A file under a backup's name is always complete and checked.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { OWNER_ONLY_FILE, type Db } from '@qms/store';
import { backupName, partialName } from './backup-files';
import { isSound, sealBackupInWorker, type FileCheck } from './check-file';

/** Pages copied per step (of the page size, 4 KiB): small steps keep each slice of work on the event loop short. */
export const PAGES_PER_STEP = 256;

export interface WrittenBackup {
  file: string;
  path: string;
  bytes: number;
  check: FileCheck;
}

export class BackupCheckError extends Error {
  constructor(readonly check: FileCheck) {
    super(`integrity_check failed: ${check.integrity.slice(0, 3).join('; ')}`);
  }
}

/** Flushes a file (or a folder's entry list) to disk; folders cannot be fsynced everywhere (Windows). */
export function fsyncPath(path: string, isDir = false): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (!isDir) throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * fsyncPath for the hub's own backups: the flush of a freshly written file of many MB takes
 * long, so it runs on libuv's pool and the event loop keeps serving meanwhile.
 */
export async function fsyncPathAsync(path: string, isDir = false): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (e) {
    if (!isDir) throw e;
  } finally {
    await handle?.close();
  }
}

function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
}

/** A name not yet used in `dir` for a backup taken at `at`. */
export function freeName(dir: string, at: number, timeZone: string): string {
  for (let attempt = 1; ; attempt++) {
    const file = backupName(at, timeZone, attempt);
    if (!existsSync(join(dir, file)) && !existsSync(join(dir, partialName(file)))) return file;
  }
}

export async function writeBackup(db: Db, dir: string, at: number, timeZone: string, pagesPerStep = PAGES_PER_STEP): Promise<WrittenBackup> {
  const file = freeName(dir, at, timeZone);
  const path = join(dir, file);
  const partial = join(dir, partialName(file));
  try {
    // created 0600 before SQLite writes into it (its journal takes the same mode), whatever the umask
    closeSync(openSync(partial, 'wx', OWNER_ONLY_FILE));
    chmodSync(partial, OWNER_ONLY_FILE);
    await db.backup(partial, { progress: () => pagesPerStep });
    await fsyncPathAsync(partial);
    const check = await sealBackupInWorker(partial);
    if (!isSound(check)) throw new BackupCheckError(check);
    await fsyncPathAsync(partial);
    renameSync(partial, path);
    await fsyncPathAsync(dir, true);
    return { file, path, bytes: statSync(path).size, check };
  } catch (e) {
    removeQuietly(partial);
    throw e;
  }
}
