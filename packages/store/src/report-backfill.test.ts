import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { migrate, schemaVersion } from './migrate';
import { checkReportRollups, seedReportHistory } from './report-migration-case';
import { makeTempDir } from './test-fixtures';

describe('migration 0005 backfill', () => {
  it('fills the rollups from rows written at version 4 as the triggers would have', () => {
    const dir = makeTempDir();
    const db = openDatabase(join(dir, 'hub.sqlite'));
    try {
      migrate(db, 4);
      seedReportHistory(db);
      expect(migrate(db)).toContain(5);
      expect(schemaVersion(db)).toBeGreaterThanOrEqual(5);
      checkReportRollups(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
