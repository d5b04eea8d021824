export { openDatabase, OWNER_ONLY_DIR, OWNER_ONLY_FILE, PAGE_CACHE_KIB, type Db, type OpenOptions } from './db';
export { migrate, loadMigrations, schemaVersion, MIGRATIONS_DIR, type Migration } from './migrate';
export { Store } from './store';
export {
  WalCheckpointer,
  DEFAULT_CHECKPOINT_EVERY,
  DEFAULT_CHECKPOINT_BACKSTOP_PAGES,
  type CheckpointOptions,
  type CheckpointResult,
} from './checkpointer';
export { TicketRepo } from './ticket-repo';
export { EventRepo, type EventInput, type StoredEvent, type ActorKind } from './event-repo';
export { ConfigRepo } from './config-repo';
export { AccountRepo, type OfficerInput, type OfficerRecord, type Device, type DeviceKind } from './account-repo';
export { IdempotencyRepo } from './idempotency-repo';
export { ImportRunRepo, importDossierId, type DossierImportState, type ImportRunCounts, type RestoredDossier } from './import-run-repo';
export { PrinterFaultRepo, type PrinterFaultGroup, type PrinterFaultRecord } from './printer-fault-repo';
export { RatingRepo, type Rating } from './rating-repo';
export { DossierRepo, type DossierHistoryEntry, type TicketDossierKind } from './dossier-repo';
export { DossierDeskRepo, nameQuery, type DossierFilter, type DossierSearch, type DossierSort } from './dossier-search';
export {
  ReportRepo,
  REPORT_GROUP_BYS,
  emptyTicketSums,
  addTicketSums,
  type ReportGroupBy,
  type ReportRange,
  type ReportQuery,
  type TicketSums,
  type DossierCohortSums,
  type OpenDossierSums,
} from './report-repo';
export {
  HISTOGRAM_BUCKETS,
  HISTOGRAM_MAX_MINUTES,
  OVERFLOW_BUCKET,
  bucketOfMs,
  bucketBounds,
  emptyHistogram,
  addHistogram,
  histogramCount,
  histogramQuantile,
  histogramShareAtMost,
} from './report-histogram';
export { isCalendarDay, addDays, daysInRange, splitIntoMonths } from './report-range';
export {
  CARRIED_KEY,
  DOSSIER_GROUP_BYS,
  DossierReportRepo,
  ONLINE_KEY,
  POST_KEY,
  type DossierAsOfQuery,
  type DossierAsOfSums,
  type DossierGroupBy,
} from './dossier-report-repo';
