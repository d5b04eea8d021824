/**
 * Backup files in the backup folder: their names (`qms-YYYYMMDD-HHMMSS.sqlite`, local time, with
 * `-2`, `-3`… when two are made in the same second), listing, and which ones pruning removes.
 * A file whose name does not match is never listed nor touched.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { instantOf, localStamp } from './local-time';

const NAME = /^qms-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,4}))?\.sqlite$/;
/** A backup being written (renamed to its final name only once complete and checked). */
const PARTIAL = /^qms-\d{8}-\d{6}(?:-\d{1,4})?\.sqlite\.partial(?:-journal|-wal|-shm)?$/;

export interface BackupFile {
  /** File name, e.g. `qms-20261123-223000.sqlite`. */
  file: string;
  path: string;
  bytes: number;
  /** When the backup was taken (epoch ms), read from its name (local time). */
  takenAt: number;
  /** Last modification of the file (epoch ms). */
  modifiedAt: number;
}

export function backupName(at: number, timeZone: string, attempt = 1): string {
  return `qms-${localStamp(at, timeZone)}${attempt > 1 ? `-${attempt}` : ''}.sqlite`;
}

export const partialName = (file: string): string => `${file}.partial`;

export const isPartialName = (file: string): boolean => PARTIAL.test(file);

/** The time a backup's name stands for, or null when the name is not a backup's. */
export function takenAtOf(file: string, timeZone: string): { takenAt: number; attempt: number } | null {
  const m = NAME.exec(file);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return { takenAt: instantOf({ year, month, day, hour, minute, second }, timeZone), attempt: Number(m[7] ?? 1) };
}

/** Backups in `dir`, newest first (by the time in their name, then by suffix). Throws when the folder cannot be read. */
export function listBackups(dir: string, timeZone: string): BackupFile[] {
  const found: Array<BackupFile & { attempt: number }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const when = takenAtOf(entry.name, timeZone);
    if (!when) continue;
    const path = join(dir, entry.name);
    try {
      const st = statSync(path);
      found.push({ file: entry.name, path, bytes: st.size, takenAt: when.takenAt, modifiedAt: st.mtimeMs, attempt: when.attempt });
    } catch {
      // removed between the listing and the stat: not a backup any more
    }
  }
  found.sort((a, b) => b.takenAt - a.takenAt || b.attempt - a.attempt);
  return found.map(({ attempt: _attempt, ...file }) => file);
}

/**
 * Which backups to delete: those taken before `now - keepDays` days, except the newest backup
 * of all (so at least one always remains, however old). `backups` is newest first.
 */
export function backupsToPrune<T extends Pick<BackupFile, 'takenAt'>>(backups: readonly T[], now: number, keepDays: number): T[] {
  const cutoff = now - keepDays * 24 * 3600_000;
  return backups.slice(1).filter((b) => b.takenAt < cutoff);
}

export function partialFiles(dir: string): string[] {
  return readdirSync(dir).filter(isPartialName);
}
