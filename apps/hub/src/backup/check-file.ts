/**
 * Checks a database file: `PRAGMA integrity_check` and the schema version (`user_version`).
 * `checkFile` runs here (the restore tool); `sealBackupInWorker` runs in a worker thread so that
 * checking a large backup never stalls the hub's event loop (tickets keep being issued).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface FileCheck {
  /** `['ok']` when sound; otherwise the first problems SQLite reports. */
  integrity: string[];
  userVersion: number;
}

export const isSound = (c: FileCheck): boolean => c.integrity.length === 1 && c.integrity[0] === 'ok';

/** Opens `path` read-only and checks it. Throws (SQLITE_NOTADB, SQLITE_CORRUPT…) when it is not a database. */
export function checkFile(path: string): FileCheck {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>;
    return { integrity: rows.map((r) => r.integrity_check), userVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** better-sqlite3 as the store package resolves it (the worker loads it by absolute path). */
function driverPath(): string {
  const here = createRequire(import.meta.url);
  return createRequire(here.resolve('@qms/store/package.json')).resolve('better-sqlite3');
}

/**
 * The worker: makes a fresh backup self-contained (an online backup of a WAL database keeps the
 * WAL flag; DELETE mode means no -wal/-shm beside it, ever), then checks it read-only.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// below the event loop for the CPU (pid 0 = this thread on Linux; see thread-priority.ts)
try { require('node:os').setPriority(0, 19); } catch {}
try {
  const rw = new Database(workerData.path, { fileMustExist: true });
  try { rw.pragma('journal_mode = DELETE'); } finally { rw.close(); }
  const ro = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    const rows = ro.pragma('integrity_check(20)');
    parentPort.postMessage({ ok: true, integrity: rows.map((r) => r.integrity_check), userVersion: ro.pragma('user_version', { simple: true }) });
  } finally { ro.close(); }
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e), code: e && e.code });
}
`;

type WorkerAnswer = ({ ok: true } & FileCheck) | { ok: false; message: string; code?: string };

/** Seals and checks a freshly written backup in a worker thread. Rejects with the SQLite error, if any. */
export function sealBackupInWorker(path: string): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver: driverPath() } });
    let answered = false;
    worker.once('message', (m: WorkerAnswer) => {
      answered = true;
      if (m.ok) resolve({ integrity: m.integrity, userVersion: m.userVersion });
      else reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
    });
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`backup check worker exited with code ${code}`));
    });
  });
}
