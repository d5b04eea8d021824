import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, PAGE_CACHE_KIB, type Db } from './db';
import { loadMigrations, migrate, schemaVersion, type Migration } from './migrate';
import { DAY, T0, makeTempDir } from './test-fixtures';
import { checkReportRollups, seedReportHistory } from './report-migration-case';
import { checkFaultsAfter0009, seedFaultsBefore0009 } from './printer-fault-migration-case';
import { checkDossierChannel, dossierObjects, seedDossierChannel } from './dossier-channel-migration-case';

const MIGRATIONS = loadMigrations();
const LATEST = MIGRATIONS.length;

let dir: string;
let opened: Db[];

function open(file = 'hub.sqlite'): Db {
  const db = openDatabase(join(dir, file));
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = makeTempDir();
  opened = [];
});
afterEach(() => {
  for (const db of opened) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function tableNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
}

function schemaSql(db: Db): string[] {
  return db
    .prepare<[], { sql: string }>('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
    .all()
    .map((r) => r.sql);
}

/** Writes migration files into a fresh `migrations` folder under the temp dir. */
function writeMigrations(files: Record<string, string>): string {
  const migDir = join(dir, 'migrations');
  rmSync(migDir, { recursive: true, force: true });
  mkdirSync(migDir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(migDir, name), sql);
  return migDir;
}

describe('migrations on disk', () => {
  it('are numbered 1..N without gaps, each with a name and some SQL', () => {
    expect(LATEST).toBeGreaterThanOrEqual(1);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST }, (_, i) => i + 1));
    for (const m of MIGRATIONS) {
      expect(m.name).toMatch(/^[\w-]+$/);
      expect(m.sql.trim().length).toBeGreaterThan(0);
    }
    expect(MIGRATIONS[0]?.name).toBe('init');
  });
});

describe('migrate', () => {
  it('brings a fresh file to the latest version, user_version = number of migrations', () => {
    const db = open();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(tableNames(db)).toEqual(
      [
        'counter_fields', 'counters', 'devices', 'events', 'fields', 'idempotency', 'dossier_history', 'dossiers', 'holidays', 'officers',
        'printer_faults', 'procedures', 'ratings', 'sessions', 'ticket_dossiers', 'site', 'tickets',
        'ticket_daily', 'ticket_monthly', 'wait_hist', 'wait_hist_monthly', 'service_hist', 'service_hist_monthly',
        'arrivals_hourly', 'arrivals_monthly', 'dossier_cohort', 'rollup_state', 'import_runs', 'import_run_updates',
        // the applicant-name word index (FTS5) and its shadow tables
        'dossier_names', 'dossier_names_config', 'dossier_names_data', 'dossier_names_docsize', 'dossier_names_idx',
      ].sort(),
    );
  });

  it('is a no-op when run again, also after reopening the file', () => {
    const db = open();
    migrate(db);
    const before = schemaSql(db);
    expect(migrate(db)).toEqual([]);
    db.close();

    const again = open();
    expect(schemaVersion(again)).toBe(LATEST);
    expect(migrate(again)).toEqual([]);
    expect(schemaVersion(again)).toBe(LATEST);
    expect(schemaSql(again)).toEqual(before);
  });

  it('refuses a database written by a newer hub and leaves it untouched', () => {
    const db = open();
    migrate(db);
    db.pragma(`user_version = ${LATEST + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this hub/);
    expect(schemaVersion(db)).toBe(LATEST + 1);
  });

  it('stops at the target version and continues from there later', () => {
    const migDir = writeMigrations({
      '0001_a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '0002_b.sql': 'CREATE TABLE b (y INTEGER) STRICT;',
      '0003_c.sql': 'ALTER TABLE a ADD COLUMN z TEXT;',
    });
    const list = loadMigrations(migDir);
    const db = open();
    expect(migrate(db, 2, list)).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['a', 'b']);
    expect(migrate(db, undefined, list)).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
  });

  it('rolls back a failing migration completely, version bump included', () => {
    const migDir = writeMigrations({
      '0001_a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '0002_broken.sql': 'CREATE TABLE b (y INTEGER) STRICT;\nINSERT INTO no_such_table VALUES (1);',
    });
    const list = loadMigrations(migDir);
    const db = open();
    expect(() => migrate(db, undefined, list)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['a']);
  });
});

describe('loadMigrations', () => {
  it('loads NNNN_name.sql files in version order and ignores other files', () => {
    const migDir = writeMigrations({
      '0002_second-step.sql': 'SELECT 2;',
      '0001_first.sql': 'SELECT 1;',
      'README.md': '# not a migration',
      '0003_draft.sql.bak': 'SELECT 3;',
    });
    const list: Migration[] = loadMigrations(migDir);
    expect(list).toEqual([
      { version: 1, name: 'first', sql: 'SELECT 1;' },
      { version: 2, name: 'second-step', sql: 'SELECT 2;' },
    ]);
  });

  it('rejects a gap in the numbering', () => {
    const migDir = writeMigrations({ '0001_a.sql': 'SELECT 1;', '0003_b.sql': 'SELECT 3;' });
    expect(() => loadMigrations(migDir)).toThrow(/migration 3 out of order \(expected 2\)/);
  });

  it('rejects a list that does not start at 1', () => {
    const migDir = writeMigrations({ '0002_b.sql': 'SELECT 2;' });
    expect(() => loadMigrations(migDir)).toThrow(/out of order/);
  });

  it('rejects two migrations with the same number', () => {
    const migDir = writeMigrations({ '0001_a.sql': 'SELECT 1;', '0001_b.sql': 'SELECT 1;' });
    expect(() => loadMigrations(migDir)).toThrow(/out of order/);
  });
});

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys, a busy timeout and the bounded page cache', () => {
    const db = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
  });

  it('creates missing parent folders unless told not to', () => {
    const db = open(join('nested', 'deeper', 'hub.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(() => openDatabase(join(dir, 'absent', 'hub.sqlite'), { createDir: false })).toThrow();
  });
});

/**
 * One case per migration (Signal's pattern): migrate to `version`, write rows the way that
 * schema looks, migrate to the latest version, and check that the rows are still there and
 * still read correctly. A new migration NNNN gets a case with `version: NNNN`; the test
 * below fails until it has one.
 */
interface MigrationCase {
  version: number;
  /** Writes rows with plain SQL against the schema as of `version`. */
  seed(db: Db): void;
  /** Runs against the latest schema. */
  check(db: Db): void;
}

function migrateTo(db: Db, n: number): void {
  migrate(db, n);
  expect(schemaVersion(db)).toBe(n);
}

/** A field, an officer and a counter (schema of 0001) for the tickets of a case to point at. */
const LAND_OFFICER_COUNTER = `
  INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
    VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1);
  INSERT INTO officers (id, username, full_name, role, password_hash, created_at)
    VALUES ('o1', 'lan.nguyen', 'Nguyễn Thị Lan', 'officer', 'scrypt$x$y', ${T0});
  INSERT INTO counters (id, number, name, kind) VALUES ('c1', 1, 'Quầy 1', 'receiving');`;

/** Tickets in three states (waiting, at a counter, done) with plain SQL; the schema of tickets is that of 0001. */
function seedTicketStates(db: Db): void {
  db.exec(`
    ${LAND_OFFICER_COUNTER}
    INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source)
      VALUES ('t-wait', '${DAY}', 'f-land', 'f-land', 1, 'A-001', 'waiting', ${T0}, 'kiosk');
    INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, called_at, counter_id, officer_id, call_count, source)
      VALUES ('t-called', '${DAY}', 'f-land', 'f-land', 2, 'A-002', 'called', ${T0}, ${T0 + 60_000}, 'c1', 'o1', 1, 'kiosk');
    INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, called_at, serving_at, finished_at, counter_id, officer_id, call_count, source)
      VALUES ('t-done', '${DAY}', 'f-land', 'f-land', 3, 'A-003', 'done', ${T0}, ${T0 + 60_000}, ${T0 + 120_000}, ${T0 + 480_000}, 'c1', 'o1', 1, 'kiosk');
  `);
}

/** The three indexes of 0006 are partial, and a read through each finds the tickets it should. */
function checkTicketStates(db: Db): void {
  const partial = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tickets' AND sql LIKE '% WHERE %' ORDER BY name").all();
  expect(partial.map((r) => r.name)).toEqual(['tickets_counter', 'tickets_field_finished', 'tickets_officer_day']);
  const inIndex = (index: string, where: string) =>
    db.prepare<[], { id: string }>(`SELECT id FROM tickets INDEXED BY ${index} WHERE ${where} ORDER BY id`).all().map((r) => r.id);
  expect(inIndex('tickets_counter', "status IN ('called', 'serving')")).toEqual(['t-called']);
  expect(inIndex('tickets_field_finished', 'finished_at IS NOT NULL')).toEqual(['t-done']);
  expect(inIndex('tickets_officer_day', 'officer_id IS NOT NULL')).toEqual(['t-called', 't-done']);
  expect(db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 3 });
}

const MIGRATION_CASES: MigrationCase[] = [
  {
    version: 1,
    seed(db) {
      db.exec(`
        INSERT INTO site (id, name, agency_code, time_zone, opening_hours_json, priority_json, updated_at)
          VALUES ('site-1', 'UBND phường Ba Đình', '000.00.00.H26', 'Asia/Ho_Chi_Minh', '[]',
                  '{"enabledGroups":["elderly"],"maxConsecutivePriority":2}', ${T0});
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1);
        INSERT INTO officers (id, username, full_name, role, password_hash, created_at)
          VALUES ('o1', 'lan.nguyen', 'Nguyễn Thị Lan', 'officer', 'scrypt$x$y', ${T0});
        INSERT INTO counters (id, number, name, kind, status, officer_id)
          VALUES ('c1', 1, 'Quầy 1', 'receiving', 'open', 'o1');
        INSERT INTO counter_fields (counter_id, field_id, rank) VALUES ('c1', 'f-land', 0);
        INSERT INTO sessions (token_hash, officer_id, created_at, expires_at) VALUES ('sess-hash', 'o1', ${T0}, ${T0 + 1000});
        INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-1', 'kiosk', 'Kiosk', 'dev-hash', ${T0});
        INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source)
          VALUES ('t1', '${DAY}', 'f-land', 'f-land', 1, 'A-001', 'waiting', ${T0}, 'kiosk');
        INSERT INTO events (at, type, actor_kind, ticket_id, data_json)
          VALUES (${T0}, 'ticket:issued', 'kiosk', 't1', '{"number":"A-001"}');
        INSERT INTO idempotency (scope, key, command, result_json, created_at)
          VALUES ('kiosk:kiosk-1', 'key-0001', 'ticket:issue', '{"id":"t1"}', ${T0});
      `);
    },
    check(db) {
      const one = <T>(sql: string): T | undefined => db.prepare<[], T>(sql).get();
      expect(one<{ name: string }>('SELECT name FROM site')?.name).toBe('UBND phường Ba Đình');
      expect(one<{ code: string; hint_vi: string }>('SELECT code, hint_vi FROM fields')).toEqual({ code: 'DD', hint_vi: '' });
      expect(one<{ failed_logins: number }>('SELECT failed_logins FROM officers')?.failed_logins).toBe(0);
      expect(one<{ officer_id: string }>('SELECT officer_id FROM counters')?.officer_id).toBe('o1');
      expect(one<{ rank: number }>('SELECT rank FROM counter_fields')?.rank).toBe(0);
      expect(one<{ officer_id: string }>('SELECT officer_id FROM sessions')?.officer_id).toBe('o1');
      expect(one<{ settings_json: string }>('SELECT settings_json FROM devices')?.settings_json).toBe('{}');
      expect(one<{ number: string; call_count: number }>('SELECT number, call_count FROM tickets')).toEqual({
        number: 'A-001',
        call_count: 0,
      });
      expect(one<{ seq: number; type: string }>('SELECT seq, type FROM events')).toEqual({ seq: 1, type: 'ticket:issued' });
      expect(one<{ result_json: string }>('SELECT result_json FROM idempotency')?.result_json).toBe('{"id":"t1"}');
    },
  },
  {
    version: 2,
    seed(db) {
      db.exec(`
        INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-2', 'kiosk', 'Kiosk 2', 'dev-hash-2', ${T0});
        INSERT INTO printer_faults (device_id, ticket_id, fault, message, at)
          VALUES ('kiosk-2', NULL, 'paper_out', 'Hết giấy', ${T0});
      `);
    },
    check(db) {
      const row = db.prepare<[], { fault: string; message: string; resolved_at: number | null }>(
        'SELECT fault, message, resolved_at FROM printer_faults',
      ).get();
      expect(row).toEqual({ fault: 'paper_out', message: 'Hết giấy', resolved_at: null });
    },
  },
  {
    version: 3,
    seed(db) {
      db.exec(`
        ${LAND_OFFICER_COUNTER}
        INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source, counter_id, officer_id)
          VALUES ('t3', '${DAY}', 'f-land', 'f-land', 3, 'A-003', 'done', ${T0}, 'kiosk', 'c1', 'o1');
        INSERT INTO ratings (ticket_id, counter_id, officer_id, level, at) VALUES ('t3', 'c1', 'o1', 'satisfied', ${T0});
      `);
    },
    check(db) {
      expect(db.prepare('SELECT ticket_id, level FROM ratings').get()).toEqual({ ticket_id: 't3', level: 'satisfied' });
    },
  },
  {
    version: 4,
    seed(db) {
      db.exec(`
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-civil', 'TP', 'Tư pháp', 'Justice', 'numeric', '', 1001, 1999, 3, 1);
        INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-civil', 'KS', 'Đăng ký khai sinh', 0);
        INSERT INTO holidays (day, name) VALUES ('2027-01-01', 'Tết Dương lịch');
        INSERT INTO dossiers (id, code, procedure_id, field_id, channel, applicant_name, applicant_cccd, received_at,
            received_day, code_seq, due_date, status)
          VALUES ('d1', '000.00.00.H26-261123-0001', 'p1', 'f-civil', 'counter', 'Nguyễn Văn An', '001090012345', ${T0},
            '${DAY}', 1, '${DAY}', 'processing');
        INSERT INTO dossier_history (dossier_id, at, to_status, actor_kind) VALUES ('d1', ${T0}, 'processing', 'officer');
      `);
    },
    check(db) {
      expect(db.prepare('SELECT code, applicant_name AS n FROM dossiers').get()).toEqual({ code: '000.00.00.H26-261123-0001', n: 'Nguyễn Văn An' });
      expect(db.prepare('SELECT to_status AS s FROM dossier_history').get()).toEqual({ s: 'processing' });
      expect(db.prepare('SELECT name FROM holidays').get()).toEqual({ name: 'Tết Dương lịch' });
    },
  },
  {
    // seeded at version 5, so the triggers fill the rollups; report-backfill.test.ts seeds the
    // same rows at version 4 and checks that the migration's backfill gives the same rollups
    version: 5,
    seed: seedReportHistory,
    check: checkReportRollups,
  },
  {
    version: 6,
    seed: seedTicketStates,
    check: checkTicketStates,
  },
  {
    // a database whose open month is December: a late ticket of November still reaches the month
    // rows through the triggers, a December one only its day rows
    version: 7,
    seed(db) {
      db.exec(`
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1);
        UPDATE rollup_state SET open_month = '2026-12';
        INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source)
          VALUES ('t-nov', '2026-11-30', 'f-land', 'f-land', 1, 'A-001', 'waiting', ${T0}, 'kiosk');
        INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source)
          VALUES ('t-dec', '2026-12-01', 'f-land', 'f-land', 1, 'A-001', 'waiting', ${T0 + 86_400_000}, 'kiosk');
      `);
    },
    check(db) {
      expect(db.prepare('SELECT open_month AS m FROM rollup_state').get()).toEqual({ m: '2026-12' });
      expect(db.prepare('SELECT day, SUM(issued) AS n FROM ticket_daily GROUP BY 1 ORDER BY 1').all()).toEqual([
        { day: '2026-11-30', n: 1 },
        { day: '2026-12-01', n: 1 },
      ]);
      expect(db.prepare('SELECT month, SUM(issued) AS n FROM ticket_monthly GROUP BY 1').all()).toEqual([{ month: '2026-11', n: 1 }]);
      expect(db.prepare('SELECT month, SUM(n) AS n FROM arrivals_monthly GROUP BY 1').all()).toEqual([{ month: '2026-11', n: 1 }]);
    },
  },
  {
    // an officer with a live session at version 7: both get account version 0, so the session stays live
    version: 8,
    seed(db) {
      seedFaultsBefore0009(db);
      db.exec(`
        INSERT INTO officers (id, username, full_name, role, password_hash, created_at)
          VALUES ('o8', 'hoa.le', 'Lê Thị Hoa', 'admin', 'scrypt$x$y', ${T0});
        INSERT INTO sessions (token_hash, officer_id, created_at, expires_at) VALUES ('sess-8', 'o8', ${T0}, ${T0 + 3_600_000});
      `);
    },
    check(db) {
      expect(db.prepare("SELECT account_version AS v, role FROM officers WHERE id = 'o8'").get()).toEqual({ v: 0, role: 'admin' });
      expect(db.prepare("SELECT account_version AS v FROM sessions WHERE token_hash = 'sess-8'").get()).toEqual({ v: 0 });
      const live = `SELECT s.token_hash AS t FROM sessions s JOIN officers o ON o.id = s.officer_id
        WHERE s.revoked_at IS NULL AND s.account_version = o.account_version`;
      expect(db.prepare(live).all()).toEqual([{ t: 'sess-8' }]);
      db.prepare("UPDATE officers SET account_version = account_version + 1 WHERE id = 'o8'").run();
      expect(db.prepare(live).all()).toEqual([]);
      checkFaultsAfter0009(db);
    },
  },
  {
    version: 9,
    seed(db) {
      db.exec(`
        INSERT INTO devices (id, kind, name, token_hash, created_at) VALUES ('kiosk-1', 'kiosk', 'Kiosk 1', 'hash-1', ${T0});
        INSERT INTO printer_faults (device_id, ticket_id, fault, message, at, count, last_seen_at)
          VALUES ('kiosk-1', 't1', 'paper_out', 'Hết giấy', ${T0}, 4, ${T0 + 9000});
      `);
    },
    check(db) {
      expect(db.prepare('SELECT fault, count, last_seen_at AS last FROM printer_faults').all()).toEqual([{ fault: 'paper_out', count: 4, last: T0 + 9000 }]);
    },
  },
  {
    version: 10,
    seed(db) {
      db.exec(`
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-cert', 'CT', 'Chứng thực', 'Certification', 'numeric', '', 1001, 1999, 3, 1);
        INSERT INTO procedures (id, field_id, code, name, processing_days, cutoff_time) VALUES ('p-ct', 'f-cert', 'CT1', 'Chứng thực bản sao', 0, '15:00');
        INSERT INTO holidays (day, name, kind) VALUES ('2027-09-04', 'Làm bù', 'work');
      `);
    },
    check(db) {
      expect(db.prepare('SELECT cutoff_time AS c FROM procedures').get()).toEqual({ c: '15:00' });
      expect(db.prepare('SELECT day, kind FROM holidays').get()).toEqual({ day: '2027-09-04', kind: 'work' });
    },
  },
  {
    // written at 11: a dossier received by post and a finished import run with its journal
    version: 11,
    seed(db) {
      db.exec(`
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1);
        INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-land', 'DD-1', 'Cấp giấy chứng nhận', 3);
        INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status)
          VALUES ('d-post', 'H26-261123-0001', 'p1', 'f-land', 'post', ${T0}, '${DAY}', '${DAY}', 'processing');
        INSERT INTO import_runs (id, started_at, actor_id, finished_at, created, updated, unchanged) VALUES ('imp-1', ${T0}, 'o1', ${T0 + 1}, 0, 1, 0);
      `);
    },
    check(db) {
      expect(db.prepare("SELECT channel FROM dossiers WHERE code = 'h26-261123-0001' COLLATE NOCASE").get()).toEqual({ channel: 'post' });
      expect(db.prepare('SELECT id, updated FROM import_runs').get()).toEqual({ id: 'imp-1', updated: 1 });
    },
  },
  {
    // dossiers with history and a ticket link, written at version 12
    version: 12,
    seed: seedReportHistory,
    check: checkReportRollups,
  },
  {
    // dossiers with names written at version 12: the migration indexes them, the triggers keep up
    version: 13,
    seed(db) {
      db.exec(`
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-civil', 'TP', 'Tư pháp', 'Justice', 'numeric', '', 1001, 1999, 3, 1);
        INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-civil', 'KS', 'Đăng ký khai sinh', 0);
        INSERT INTO dossiers (id, code, procedure_id, field_id, channel, applicant_name, received_at, received_day, due_date, status)
          VALUES ('d1', 'X-261123-0001', 'p1', 'f-civil', 'counter', 'Đặng Văn Ân', ${T0}, '${DAY}', '${DAY}', 'processing'),
                 ('d2', 'X-261123-0002', 'p1', 'f-civil', 'online', NULL, ${T0}, '${DAY}', '${DAY}', 'processing');
      `);
    },
    check(db) {
      const byName = (q: string) => db.prepare<[string], { id: string }>(
        'SELECT id FROM dossiers WHERE rowid IN (SELECT rowid FROM dossier_names WHERE dossier_names MATCH ?) ORDER BY id').all(q).map((r) => r.id);
      expect(byName('("dang"* OR "đang"*) AND "an"')).toEqual(['d1']);
      db.prepare("UPDATE dossiers SET applicant_name = 'Trần Thị Bình' WHERE id = 'd2'").run();
      expect(byName('"binh"')).toEqual(['d2']);
      db.prepare("UPDATE dossiers SET applicant_name = NULL WHERE id = 'd1'").run();
      expect(byName('"đang"')).toEqual([]);
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM dossiers ORDER BY received_at DESC, rowid DESC LIMIT 50').all();
      expect(JSON.stringify(plan)).toContain('dossiers_received_at');
    },
  },
  {
    // a site, a procedure and a dossier written at version 13: no documents recorded, no place
    version: 14,
    seed(db) {
      db.exec(`
        INSERT INTO site (id, name, agency_code, time_zone, opening_hours_json, priority_json, updated_at)
          VALUES ('site-1', 'UBND phường Ba Đình', '000.00.00.H26', 'Asia/Ho_Chi_Minh', '[]', '{"enabledGroups":[],"maxConsecutivePriority":2}', ${T0});
        INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
          VALUES ('f-res', 'CT', 'Cư trú', 'Residence', 'numeric', '', 1001, 1999, 3, 1);
        INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-res', 'TT', 'Đăng ký tạm trú', 3);
        INSERT INTO dossiers (id, code, procedure_id, field_id, channel, applicant_name, received_at, received_day, due_date, status)
          VALUES ('d1', 'X-261123-0001', 'p1', 'f-res', 'counter', 'Đặng Văn Ân', ${T0}, '${DAY}', '${DAY}', 'processing');
      `);
    },
    check(db) {
      expect(db.prepare('SELECT place FROM site').get()).toEqual({ place: '' });
      expect(db.prepare('SELECT documents_json AS d FROM procedures').get()).toEqual({ d: '[]' });
      expect(db.prepare('SELECT documents_json AS d, applicant_name AS n FROM dossiers').get()).toEqual({ d: '[]', n: 'Đặng Văn Ân' });
      const docs = JSON.stringify([{ name: 'Tờ khai (mẫu CT01)', form: 'original', quantity: 1 }]);
      db.prepare("UPDATE dossiers SET documents_json = ? WHERE id = 'd1'").run(docs);
      db.prepare("UPDATE procedures SET documents_json = ? WHERE id = 'p1'").run(docs);
      expect(() => db.prepare("UPDATE dossiers SET documents_json = '{}'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE procedures SET documents_json = 'not json'").run()).toThrow(/CHECK/);
    },
  },
];

describe('0010: holiday calendar entries and procedure cut-off hours', () => {
  it('rows entered before stay days off; procedures have no cut-off; kinds and hours are checked', () => {
    const db = open();
    migrateTo(db, 9);
    MIGRATION_CASES.find((m) => m.version === 4)?.seed(db);
    migrate(db);
    expect(db.prepare('SELECT day, name, kind FROM holidays').all()).toEqual([{ day: '2027-01-01', name: 'Tết Dương lịch', kind: 'off' }]);
    expect(db.prepare('SELECT cutoff_time AS c FROM procedures').get()).toEqual({ c: null });
    expect(() => db.prepare("INSERT INTO holidays (day, name, kind) VALUES ('2027-01-02', 'x', 'closed')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE procedures SET cutoff_time = '3pm'").run()).toThrow(/CHECK/);
  });
});

describe('0011: dossier channel post, code index, import runs', () => {
  it('rebuilds dossiers keeping rows, history, links, rollups, indexes and triggers; marks old import runs', () => {
    const db = open();
    migrateTo(db, 10);
    seedDossierChannel(db);
    const before = dossierObjects(db);
    migrateTo(db, 11);
    checkDossierChannel(db, before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('0008: account versions', () => {
  it('sessions opened before the migration stay live; a raised version ends them', () => {
    const db = open();
    migrateTo(db, 7);
    const c = MIGRATION_CASES.find((m) => m.version === 8);
    c?.seed(db);
    migrate(db);
    c?.check(db);
  });
});

describe('0007: month rollups once the month is over', () => {
  it('leaves every month kept by the triggers until the hub opens one (open_month 9999-12)', () => {
    const db = open();
    migrateTo(db, 6);
    seedTicketStates(db);
    const monthRows = () => db.prepare('SELECT month, SUM(issued) AS issued, SUM(served) AS served FROM ticket_monthly GROUP BY 1').all();
    const before = monthRows();
    expect(before).toEqual([{ month: DAY.slice(0, 7), issued: 3, served: 1 }]);
    migrate(db);
    expect(db.prepare('SELECT open_month AS m FROM rollup_state').get()).toEqual({ m: '9999-12' });
    expect(monthRows()).toEqual(before);
    db.prepare("UPDATE tickets SET status = 'done', serving_at = called_at, finished_at = called_at + 60000 WHERE id = 't-called'").run();
    expect(monthRows()).toEqual([{ month: DAY.slice(0, 7), issued: 3, served: 2 }]);
    expect(() => db.prepare("UPDATE rollup_state SET open_month = 'soon'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO rollup_state (id, open_month) VALUES (2, '2026-12')").run()).toThrow(/CHECK/);
  });
});

describe('0006: partial indexes on tickets', () => {
  it('are built over the tickets already in the file (written at version 5)', () => {
    const db = open();
    migrateTo(db, 5);
    seedTicketStates(db);
    // before: full indexes, the waiting ticket has an entry keyed on NULL in each
    expect(db.prepare('SELECT COUNT(*) AS n FROM tickets INDEXED BY tickets_counter').get()).toEqual({ n: 3 });
    migrate(db);
    checkTicketStates(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('every migration keeps existing rows', () => {
  it('has a case for each migration on disk', () => {
    expect(MIGRATION_CASES.map((c) => c.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATION_CASES)('rows written at version $version survive migrating to the latest', (c) => {
    const db = open();
    migrateTo(db, c.version);
    c.seed(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST);
    c.check(db);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('0012: as-of report indexes', () => {
  it('replaces the received-day index with the report covering index, adds the settled index, keeps the rollups', () => {
    const db = open();
    migrateTo(db, 11);
    seedReportHistory(db);
    migrateTo(db, 12);
    checkReportRollups(db);
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'dossiers' AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(names).toEqual(['dossiers_cccd', 'dossiers_code_nocase', 'dossiers_report_received', 'dossiers_report_settled',
      'dossiers_status_due', 'dossiers_ticket'].map((name) => ({ name })));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT channel, due_date FROM dossiers WHERE received_day BETWEEN '2026-01-01' AND '2026-03-31'").all();
    expect(JSON.stringify(plan)).toContain('COVERING INDEX dossiers_report_received');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
