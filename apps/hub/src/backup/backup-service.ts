/**
 * Backups of the hub's database: on demand (admin) and once a day at a set local time. A failure
 * (full disk, unplugged drive, no permission) is logged and kept in `lastError`; it never stops
 * the hub. Only this process writes backups into its folder; one backup runs at a time.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_TIME_ZONE, type Clock } from '@qms/core';
import { OWNER_ONLY_DIR, type Store } from '@qms/store';
import type { Logger } from 'pino';
import { backupsToPrune, listBackups, partialFiles, type BackupFile } from './backup-files';
import { describeBackupError } from './errors';
import { nextDailyAt, parseTimeOfDay, previousDailyAt } from './local-time';
import { writeBackup } from './write-backup';

export type BackupReason = 'daily' | 'manual';

export interface BackupServiceOptions {
  /** The hub's store: its better-sqlite3 connection is the source of the online backup. */
  store: Pick<Store, 'db'>;
  /** Folder of the backups; created by `start()` (mode 0700) when missing. */
  dir: string;
  /** Backups older than this many days are deleted after each backup (the newest one never). */
  keepDays: number;
  /** Local time of the daily backup, `HH:MM`. */
  at: string;
  clock: Clock;
  logger: Logger;
  /** Default Asia/Ho_Chi_Minh: names of files and the daily time are in this zone. */
  timeZone?: string;
  /** Longest real wait between two looks at the clock (default 60 s). */
  pollMs?: number;
  /** When the last daily time passed without a backup (hub was off), take one shortly after `start()` (default true). */
  catchUp?: boolean;
  /** Delay of that catch-up backup after `start()` (default 60 s), so start-up is not slowed. */
  catchUpDelayMs?: number;
  /** After a failed daily backup, try again this much later (default 1 h), if before the next daily time. */
  retryMs?: number;
  /** Database pages copied per turn of the event loop (default 256); tests make it small to interleave writes. */
  pagesPerStep?: number;
}

export interface BackupResult {
  file: string;
  path: string;
  bytes: number;
  /** Real time the backup took, in ms. */
  ms: number;
  takenAt: number;
  reason: BackupReason;
  /** Schema version of the copy (`PRAGMA user_version`). */
  userVersion: number;
}

export interface BackupFailure {
  at: number;
  reason: BackupReason;
  /** Vietnamese, with the system's own detail in parentheses. */
  message: string;
  code: string | null;
}

export interface BackupStatus {
  dir: string;
  keepDays: number;
  at: string;
  timeZone: string;
  running: boolean;
  /** Next daily (or catch-up / retry) backup, epoch ms; null when the scheduler is stopped. */
  nextAt: number | null;
  lastBackup: BackupResult | null;
  /** The last attempt's failure; null once a backup succeeds again. */
  lastError: BackupFailure | null;
}

export class BackupError extends Error {
  constructor(
    readonly failure: BackupFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options);
    this.name = 'BackupError';
  }
}

const STALE_PARTIAL_MS = 10 * 60_000;

export class BackupService {
  readonly dir: string;
  readonly keepDays: number;
  readonly at: string;
  readonly timeZone: string;
  private readonly minutes: number;
  private readonly pollMs: number;
  private readonly catchUp: boolean;
  private readonly catchUpDelayMs: number;
  private readonly retryMs: number;
  private running: Promise<BackupResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private nextAt: number | null = null;
  private lastBackup: BackupResult | null = null;
  private lastError: BackupFailure | null = null;

  constructor(private readonly options: BackupServiceOptions) {
    const minutes = parseTimeOfDay(options.at);
    if (minutes === null) throw new RangeError(`backup time must be HH:MM (00:00–23:59), not ${JSON.stringify(options.at)}`);
    if (!Number.isInteger(options.keepDays) || options.keepDays < 0) throw new RangeError(`keepDays must be an integer >= 0, not ${options.keepDays}`);
    this.dir = options.dir;
    this.keepDays = options.keepDays;
    this.at = options.at;
    this.minutes = minutes;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.pollMs = Math.max(1, options.pollMs ?? 60_000);
    this.catchUp = options.catchUp ?? true;
    this.catchUpDelayMs = options.catchUpDelayMs ?? 60_000;
    this.retryMs = options.retryMs ?? 3600_000;
  }

  /** Takes a backup now (joins the one already running, if any). Rejects with a BackupError, already logged. */
  backupNow(reason: BackupReason): Promise<BackupResult> {
    if (this.running) return this.running;
    const run = this.run(reason).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Deletes backups older than keepDays (never the newest one, never a file not named like a backup). */
  prune(): string[] {
    const doomed = backupsToPrune(listBackups(this.dir, this.timeZone), this.options.clock.now(), this.keepDays);
    const deleted: string[] = [];
    for (const b of doomed) {
      try {
        rmSync(b.path, { force: true });
        deleted.push(b.file);
      } catch (e) {
        this.options.logger.warn({ err: e, file: b.path }, 'could not delete an old backup');
      }
    }
    if (deleted.length > 0) this.options.logger.info({ deleted, keepDays: this.keepDays }, 'old backups deleted');
    return deleted;
  }

  /** Backups in the folder, newest first. Throws when the folder cannot be read. */
  list(): BackupFile[] {
    return listBackups(this.dir, this.timeZone);
  }

  status(): BackupStatus {
    return {
      dir: this.dir,
      keepDays: this.keepDays,
      at: this.at,
      timeZone: this.timeZone,
      running: this.running !== null,
      nextAt: this.nextAt,
      lastBackup: this.lastBackup,
      lastError: this.lastError,
    };
  }

  /** Starts the daily schedule (creates the folder when missing). Never throws. */
  start(): void {
    if (this.started) return;
    this.started = true;
    try {
      // a new folder is the hub's alone (0700); an existing one (a USB drive, a share) keeps its mode
      if (!existsSync(this.dir)) {
        mkdirSync(this.dir, { recursive: true, mode: OWNER_ONLY_DIR });
        chmodSync(this.dir, OWNER_ONLY_DIR);
      }
    } catch (e) {
      this.fail('daily', e);
    }
    this.nextAt = this.firstRunAt(this.options.clock.now());
    this.options.logger.info({ dir: this.dir, at: this.at, nextAt: new Date(this.nextAt).toISOString() }, 'daily backups scheduled');
    this.arm();
  }

  /** Stops the schedule and waits for a backup in progress (call before closing the database). */
  async stop(): Promise<void> {
    this.started = false;
    this.nextAt = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One look at the clock: runs the daily backup when its time has come. Exposed for tests. */
  async tick(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = this.options.clock.now();
    if (this.nextAt !== null && now >= this.nextAt) {
      const next = nextDailyAt(now, this.minutes, this.timeZone);
      this.nextAt = next;
      try {
        await this.backupNow('daily');
      } catch {
        // logged and kept in lastError by run(); try again later today
        if (this.started) this.nextAt = Math.min(next, this.options.clock.now() + this.retryMs);
      }
    }
    this.arm();
  }

  private arm(): void {
    if (!this.started || this.timer || this.nextAt === null) return;
    const wait = Math.min(this.pollMs, Math.max(0, this.nextAt - this.options.clock.now()));
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref();
  }

  private firstRunAt(now: number): number {
    const next = nextDailyAt(now, this.minutes, this.timeZone);
    if (!this.catchUp) return next;
    let newest: number | null = null;
    try {
      newest = this.list()[0]?.takenAt ?? null;
    } catch {
      // the folder is missing or unreadable: the attempt will say why
    }
    const missed = newest === null || newest < previousDailyAt(now, this.minutes, this.timeZone);
    return missed ? Math.min(next, now + this.catchUpDelayMs) : next;
  }

  private async run(reason: BackupReason): Promise<BackupResult> {
    const takenAt = this.options.clock.now();
    const t0 = performance.now();
    try {
      if (!existsSync(this.dir) || !statSync(this.dir).isDirectory()) throw Object.assign(new Error(`no such folder: ${this.dir}`), { code: 'ENOENT' });
      this.removeStalePartials();
      const written = await writeBackup(this.options.store.db, this.dir, takenAt, this.timeZone, this.options.pagesPerStep);
      const result: BackupResult = {
        file: written.file,
        path: written.path,
        bytes: written.bytes,
        ms: Math.round(performance.now() - t0),
        takenAt,
        reason,
        userVersion: written.check.userVersion,
      };
      this.lastBackup = result;
      this.lastError = null;
      this.options.logger.info({ file: result.path, bytes: result.bytes, ms: result.ms, reason }, 'backup written');
      try {
        this.prune();
      } catch (e) {
        this.options.logger.warn({ err: e, dir: this.dir }, 'could not prune old backups');
      }
      return result;
    } catch (e) {
      throw new BackupError(this.fail(reason, e), { cause: e });
    }
  }

  private fail(reason: BackupReason, e: unknown): BackupFailure {
    const described = describeBackupError(e, this.dir);
    const failure: BackupFailure = { at: this.options.clock.now(), reason, message: described.message, code: described.code };
    this.lastError = failure;
    this.options.logger.error({ err: e, dir: this.dir, reason }, `backup failed: ${described.message}`);
    return failure;
  }

  /** Leftovers of a backup interrupted by a crash or a power cut (never a finished backup). */
  private removeStalePartials(): void {
    const now = Date.now();
    for (const name of partialFiles(this.dir)) {
      const path = join(this.dir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
      } catch {
        // gone already
      }
    }
  }
}
