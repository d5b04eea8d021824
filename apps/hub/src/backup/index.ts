/** Backups of the hub's database (online, daily, pruned) and restoring one (the restore CLI). */
export {
  BackupService,
  BackupError,
  type BackupServiceOptions,
  type BackupReason,
  type BackupResult,
  type BackupFailure,
  type BackupStatus,
} from './backup-service';
export { handleBackupNow, handleBackupList, type BackupRouteDeps } from './http';
export { listBackups, backupName, backupsToPrune, type BackupFile } from './backup-files';
export { checkFile, isSound, type FileCheck } from './check-file';
export { restoreDatabase, RestoreError, type RestoreOptions, type RestoreReport } from './restore-db';
export { isDatabaseInUse } from './in-use';
