/**
 * Rows of every kind the report rollups count (tickets in each status, a transfer, ratings,
 * dossiers on time, late by the local date, refused, returned), written with plain SQL valid at
 * schema 4 and 5, and the rollups they must give. Used twice: seeded at version 5 (the triggers
 * fill the rollups; migrate.test.ts) and at version 4 (the backfill of 0005 fills them;
 * report-backfill.test.ts). Test helper, not exported from the package.
 */
import { expect } from 'vitest';
import type { Db } from './db';
import { DAY, T0 } from './test-fixtures';

const M = 60_000;
const DEC1 = Date.UTC(2026, 11, 1, 2, 0); // 09:00 in Hanoi

export function seedReportHistory(db: Db): void {
  db.exec(`
    INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
      VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1),
             ('f-civil', 'TP', 'Tư pháp', 'Justice', 'prefixed', 'B', 1, 999, 3, 2);
    INSERT INTO officers (id, username, full_name, role, password_hash, created_at)
      VALUES ('o1', 'lan', 'Nguyễn Thị Lan', 'officer', 'x', ${T0}), ('o2', 'minh', 'Trần Văn Minh', 'officer', 'x', ${T0});
    INSERT INTO counters (id, number, name, kind) VALUES ('c1', 1, 'Quầy 1', 'receiving'), ('c2', 2, 'Quầy 2', 'receiving');
    INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, called_at, serving_at,
        finished_at, counter_id, officer_id, call_count, transfer_count, source) VALUES
      ('t1', '${DAY}', 'f-land', 'f-land', 1, 'A-001', 'waiting', ${T0}, NULL, NULL, NULL, NULL, NULL, 0, 0, 'kiosk'),
      ('t2', '${DAY}', 'f-land', 'f-land', 2, 'A-002', 'done', ${T0}, ${T0 + 10 * M}, ${T0 + 11 * M}, ${T0 + 18 * M}, 'c1', 'o1', 1, 0, 'kiosk'),
      ('t3', '${DAY}', 'f-civil', 'f-civil', 1, 'B-001', 'no_show', ${T0 + 5 * M}, ${T0 + 35 * M}, NULL, ${T0 + 37 * M}, 'c2', 'o2', 2, 0, 'kiosk'),
      ('t4', '${DAY}', 'f-land', 'f-land', 3, 'A-003', 'cancelled', ${T0 + 60 * M}, NULL, NULL, ${T0 + 90 * M}, NULL, NULL, 0, 0, 'kiosk'),
      ('t5', '${DAY}', 'f-civil', 'f-land', 4, 'A-004', 'done', ${T0 + 2 * M}, ${T0 + 32 * M}, ${T0 + 32 * M}, ${T0 + 40 * M}, 'c2', 'o2', 1, 1, 'kiosk'),
      ('t6', '2026-12-01', 'f-civil', 'f-civil', 1, 'B-001', 'done', ${DEC1}, ${DEC1 + 5 * M}, ${DEC1 + 5 * M}, ${DEC1 + 10 * M}, 'c1', 'o1', 1, 0, 'kiosk');
    INSERT INTO ratings (ticket_id, counter_id, officer_id, level, at) VALUES
      ('t2', 'c1', 'o1', 'very_satisfied', ${T0 + 19 * M}), ('t5', 'c2', 'o2', 'satisfied', ${T0 + 41 * M});
    INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-land', 'DD-1', 'Cấp giấy chứng nhận', 3);
    INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status, resolved_at, returned_at) VALUES
      ('d1', 'C-1', 'p1', 'f-land', 'counter', ${T0}, '${DAY}', '${DAY}', 'processing', NULL, NULL),
      ('d2', 'C-2', 'p1', 'f-civil', 'online', ${T0}, '${DAY}', '2026-11-25', 'result_ready', ${T0 + 24 * 60 * M}, NULL),
      ('d3', 'C-3', 'p1', 'f-land', 'counter', ${T0}, '${DAY}', '2026-11-26', 'returned', ${Date.UTC(2026, 10, 27, 3)}, ${Date.UTC(2026, 10, 28, 3)}),
      ('d4', 'C-4', 'p1', 'f-land', 'online', ${T0}, '${DAY}', '2026-11-26', 'rejected', ${Date.UTC(2026, 10, 26, 17, 30)}, NULL);
  `);
}

export function checkReportRollups(db: Db): void {
  const all = <T>(sql: string): T[] => db.prepare<[], T>(sql).all();
  expect(all('SELECT id, first_called_at AS f FROM tickets ORDER BY id')).toEqual([
    { id: 't1', f: null },
    { id: 't2', f: T0 + 10 * M },
    { id: 't3', f: T0 + 35 * M },
    { id: 't4', f: null },
    { id: 't5', f: T0 + 32 * M },
    { id: 't6', f: DEC1 + 5 * M },
  ]);
  const z = { issued: 0, called: 0, served: 0, no_show: 0, cancelled: 0, transferred: 0, wait_n: 0, wait_sum_ms: 0, service_n: 0, service_sum_ms: 0, vs: 0, s: 0 };
  const cols = `issued, called, served, no_show, cancelled, transferred, wait_n, wait_sum_ms, service_n, service_sum_ms,
    rated_very_satisfied AS vs, rated_satisfied AS s`;
  expect(all(`SELECT day, field_id, counter_id, officer_id, ${cols} FROM ticket_daily ORDER BY 1, 2, 3, 4`)).toEqual([
    // t5's transfer has no known history: under its current field, no counter or officer
    { day: DAY, field_id: 'f-civil', counter_id: '', officer_id: '', ...z, issued: 1, transferred: 1 },
    { day: DAY, field_id: 'f-civil', counter_id: 'c2', officer_id: 'o2', ...z, called: 3, served: 1, no_show: 1, wait_n: 2, wait_sum_ms: 60 * M, service_n: 1, service_sum_ms: 8 * M, s: 1 },
    { day: DAY, field_id: 'f-land', counter_id: '', officer_id: '', ...z, issued: 4, cancelled: 1 },
    { day: DAY, field_id: 'f-land', counter_id: 'c1', officer_id: 'o1', ...z, called: 1, served: 1, wait_n: 1, wait_sum_ms: 10 * M, service_n: 1, service_sum_ms: 7 * M, vs: 1 },
    { day: '2026-12-01', field_id: 'f-civil', counter_id: '', officer_id: '', ...z, issued: 1 },
    { day: '2026-12-01', field_id: 'f-civil', counter_id: 'c1', officer_id: 'o1', ...z, called: 1, served: 1, wait_n: 1, wait_sum_ms: 5 * M, service_n: 1, service_sum_ms: 5 * M },
  ]);
  expect(all('SELECT month, SUM(issued) AS issued, SUM(served) AS served, SUM(wait_sum_ms) AS w, SUM(rated_satisfied) AS s FROM ticket_monthly GROUP BY month')).toEqual([
    { month: '2026-11', issued: 5, served: 2, w: 70 * M, s: 1 },
    { month: '2026-12', issued: 1, served: 1, w: 5 * M, s: 0 },
  ]);
  expect(all("SELECT day, bucket, n FROM wait_hist WHERE dim = 'all' ORDER BY day, bucket")).toEqual([
    { day: DAY, bucket: 10, n: 1 },
    { day: DAY, bucket: 30, n: 2 },
    { day: '2026-12-01', bucket: 5, n: 1 },
  ]);
  expect(all(`SELECT dim, dim_id, bucket, n FROM service_hist WHERE day = '${DAY}' AND dim IN ('officer', 'field') ORDER BY 1, 2`)).toEqual([
    { dim: 'field', dim_id: 'f-civil', bucket: 8, n: 1 },
    { dim: 'field', dim_id: 'f-land', bucket: 7, n: 1 },
    { dim: 'officer', dim_id: 'o1', bucket: 7, n: 1 },
    { dim: 'officer', dim_id: 'o2', bucket: 8, n: 1 },
  ]);
  expect(all("SELECT month, bucket, n FROM wait_hist_monthly WHERE dim = 'all' ORDER BY 1, 2")).toEqual([
    { month: '2026-11', bucket: 10, n: 1 },
    { month: '2026-11', bucket: 30, n: 2 },
    { month: '2026-12', bucket: 5, n: 1 },
  ]);
  expect(all("SELECT dim_id, bucket, n FROM service_hist_monthly WHERE dim = 'counter' ORDER BY 1, 2")).toEqual([
    { dim_id: 'c1', bucket: 5, n: 1 },
    { dim_id: 'c1', bucket: 7, n: 1 },
    { dim_id: 'c2', bucket: 8, n: 1 },
  ]);
  expect(all('SELECT day, field_id, hour, n FROM arrivals_hourly ORDER BY 1, 2, 3')).toEqual([
    { day: DAY, field_id: 'f-civil', hour: 8, n: 1 },
    { day: DAY, field_id: 'f-land', hour: 8, n: 3 },
    { day: DAY, field_id: 'f-land', hour: 9, n: 1 },
    { day: '2026-12-01', field_id: 'f-civil', hour: 9, n: 1 },
  ]);
  expect(all('SELECT month, SUM(n) AS n FROM arrivals_monthly GROUP BY 1')).toEqual([
    { month: '2026-11', n: 5 },
    { month: '2026-12', n: 1 },
  ]);
  // d3 resolved 2026-11-27 > due 26: late; d4 refused 2026-11-27 00:30 local (still the 26th in UTC): late
  expect(all('SELECT field_id, channel, received, resolved, resolved_on_time AS ot, rejected, returned FROM dossier_cohort ORDER BY 1, 2')).toEqual([
    { field_id: 'f-civil', channel: 'online', received: 1, resolved: 1, ot: 1, rejected: 0, returned: 0 },
    { field_id: 'f-land', channel: 'counter', received: 2, resolved: 1, ot: 0, rejected: 0, returned: 1 },
    { field_id: 'f-land', channel: 'online', received: 1, resolved: 1, ot: 0, rejected: 1, returned: 0 },
  ]);
  // from here on the triggers keep them: t1 is called 12 minutes after it was issued
  db.prepare("UPDATE tickets SET status = 'called', called_at = ?, counter_id = 'c1', officer_id = 'o1', call_count = 1 WHERE id = 't1'").run(T0 + 12 * M);
  expect(all(`SELECT called, wait_n, wait_sum_ms FROM ticket_daily WHERE day = '${DAY}' AND counter_id = 'c1'`)).toEqual([
    { called: 2, wait_n: 2, wait_sum_ms: 22 * M },
  ]);
  expect(all("SELECT SUM(wait_sum_ms) AS w FROM ticket_monthly WHERE month = '2026-11'")).toEqual([{ w: 82 * M }]);
}
