import type { Db } from './db';

/** What one `PRAGMA wal_checkpoint(PASSIVE)` did: WAL frames in the log, and how many are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface CheckpointOptions {
  /** Commits between two checkpoints (default 64: about 1,000 WAL pages at the hub's ~15 pages per command). */
  everyCommits?: number;
  /**
   * Runs a due checkpoint a little later, after the caller's current work. The hub passes
   * `setImmediate`, so a checkpoint starts only once the group that made it due has been
   * acknowledged and broadcast.
   */
  schedule?: (run: () => void) => void;
  /** SQLite's own auto-checkpoint stays on as a backstop at this many WAL pages (default 16,384, 64 MiB). */
  backstopPages?: number;
  /** A checkpoint that failed (a full disk, an I/O error); it is retried after the next `everyCommits` commits. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_CHECKPOINT_EVERY = 64;
export const DEFAULT_CHECKPOINT_BACKSTOP_PAGES = 16_384;

/**
 * Moves WAL checkpoints out of the commits. SQLite's auto-checkpoint runs inside the COMMIT
 * that takes the WAL past 1,000 pages, so that command (and every one queued behind it) waits
 * for the checkpoint too: copying the pages into the database file and its fsync. This
 * checkpointer counts outermost commits and, after every `everyCommits` of them, schedules a
 * PASSIVE checkpoint (it never waits for readers and never blocks a writer) to run after the
 * current work; the next write transaction then restarts the WAL from its start. Durability is
 * unchanged: every commit is in the fsync'ed WAL before it is acknowledged; the checkpoint only
 * copies committed pages into the main file.
 */
export class WalCheckpointer {
  private commits = 0;
  private scheduled = false;
  private readonly every: number;
  private readonly schedule: (run: () => void) => void;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Db,
    options: CheckpointOptions = {},
  ) {
    this.every = options.everyCommits ?? DEFAULT_CHECKPOINT_EVERY;
    if (!Number.isInteger(this.every) || this.every < 1) throw new RangeError(`everyCommits must be a positive integer, got ${this.every}`);
    const backstop = options.backstopPages ?? DEFAULT_CHECKPOINT_BACKSTOP_PAGES;
    if (!Number.isInteger(backstop) || backstop < 1) throw new RangeError(`backstopPages must be a positive integer, got ${backstop}`);
    this.schedule = options.schedule ?? ((run) => setImmediate(run));
    this.onError = options.onError ?? (() => {});
    db.pragma(`wal_autocheckpoint = ${backstop}`);
  }

  /** Called after each outermost commit. */
  committed(): void {
    this.commits++;
    if (this.commits < this.every || this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.run();
    });
  }

  /**
   * Checkpoints now (PASSIVE). Returns null when it cannot run here: the database is closed or a
   * transaction is open (a checkpoint inside one is refused by SQLite), or the checkpoint failed.
   */
  run(): CheckpointResult | null {
    if (!this.db.open || this.db.inTransaction) return null;
    this.commits = 0;
    try {
      const rows = this.db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      return rows[0] ?? null;
    } catch (e) {
      this.onError(e);
      return null;
    }
  }
}
