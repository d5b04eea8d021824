export { openDatabase, type Db, type OpenOptions } from './db';
export { migrate, loadMigrations, schemaVersion, MIGRATIONS_DIR, type Migration } from './migrate';
export { Store } from './store';
export { TicketRepo } from './ticket-repo';
export { EventRepo, type EventInput, type StoredEvent, type ActorKind } from './event-repo';
export { ConfigRepo } from './config-repo';
export { AccountRepo, type OfficerRecord, type Device, type DeviceKind } from './account-repo';
export { IdempotencyRepo } from './idempotency-repo';
export { PrinterFaultRepo, type PrinterFaultRecord } from './printer-fault-repo';
