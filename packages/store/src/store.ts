import { AccountRepo } from './account-repo';
import { ConfigRepo } from './config-repo';
import { WalCheckpointer, type CheckpointOptions } from './checkpointer';
import type { Db } from './db';
import { EventRepo } from './event-repo';
import { IdempotencyRepo } from './idempotency-repo';
import { ImportRunRepo } from './import-run-repo';
import { PrinterFaultRepo } from './printer-fault-repo';
import { RatingRepo } from './rating-repo';
import { DossierRepo } from './dossier-repo';
import { DossierReportRepo } from './dossier-report-repo';
import { DossierDeskRepo } from './dossier-search';
import { ReportRepo } from './report-repo';
import { TicketRepo } from './ticket-repo';

/** All repositories over one database, plus the transaction boundary. */
export class Store {
  readonly db: Db;
  readonly tickets: TicketRepo;
  readonly events: EventRepo;
  readonly config: ConfigRepo;
  readonly accounts: AccountRepo;
  readonly idempotency: IdempotencyRepo;
  readonly printerFaults: PrinterFaultRepo;
  readonly ratings: RatingRepo;
  readonly dossiers: DossierRepo;
  readonly dossierDesk: DossierDeskRepo;
  readonly reports: ReportRepo;
  /** Dossier figures of a range as of a moment (read from the dossiers, not a rollup). */
  readonly dossierReports: DossierReportRepo;
  readonly importRuns: ImportRunRepo;
  private checkpointer: WalCheckpointer | null = null;

  constructor(db: Db) {
    this.db = db;
    this.tickets = new TicketRepo(db);
    this.events = new EventRepo(db);
    this.config = new ConfigRepo(db);
    this.accounts = new AccountRepo(db);
    this.idempotency = new IdempotencyRepo(db);
    this.printerFaults = new PrinterFaultRepo(db);
    this.ratings = new RatingRepo(db);
    this.dossiers = new DossierRepo(db);
    this.dossierDesk = new DossierDeskRepo(db);
    this.reports = new ReportRepo(db);
    this.dossierReports = new DossierReportRepo(db);
    this.importRuns = new ImportRunRepo(db);
  }

  /** Runs `fn` in one IMMEDIATE transaction: all of it commits (durably) or none of it. */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    let value: T;
    try {
      value = this.db.transaction(fn).immediate();
    } catch (e) {
      this.tickets.forgetCaches();
      throw e;
    }
    if (outermost) this.checkpointer?.committed();
    return value;
  }

  /**
   * Runs `fn` (its own transactions) with commits that are not fsynced (synchronous=NORMAL): for
   * the chunks of a bulk import, whose last, durable commit (synchronous=FULL again) flushes the
   * WAL with every chunk before it. A crash before that loses only chunks that are undone anyway.
   */
  withoutSync<T>(fn: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return fn();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /**
   * From now on WAL checkpoints run after commits instead of inside them (`WalCheckpointer`);
   * SQLite's auto-checkpoint stays as a backstop. Returns the checkpointer (tests, tools).
   */
  deferCheckpoints(options: CheckpointOptions = {}): WalCheckpointer {
    this.checkpointer = new WalCheckpointer(this.db, options);
    return this.checkpointer;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
