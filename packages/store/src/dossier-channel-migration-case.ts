/**
 * The case of migration 0011 (channel 'post', the code index, the import journal), seeded at
 * version 10: dossiers counted in the report rollups, a dossier's history and ticket link,
 * and two import runs of the hub before 0011 (one finished, one a crash cut short). Test
 * helper, not exported from the package.
 */
import { expect } from 'vitest';
import type { Db } from './db';
import { DAY, T0 } from './test-fixtures';

const DONE_RUN = 'imp-00000000-0000-4000-8000-00000000000d';
const CUT_RUN = 'imp-00000000-0000-4000-8000-00000000000c';

/** Everything defined on the dossiers table (indexes, triggers), as sqlite_master holds it. */
export function dossierObjects(db: Db): Array<{ type: string; name: string; sql: string | null }> {
  return db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'dossiers' AND type <> 'table' ORDER BY type, name",
    )
    .all();
}

export function seedDossierChannel(db: Db): void {
  const row = (id: string, code: string, channel: string, status: string, resolvedAt: number | null): string =>
    `('${id}', '${code}', 'p1', 'f-land', '${channel}', ${T0}, '${DAY}', '2026-11-25', '${status}', ${resolvedAt ?? 'NULL'})`;
  db.exec(`
    INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
      VALUES ('f-land', 'DD', 'Đất đai', 'Land', 'prefixed', 'A', 1, 999, 3, 1);
    INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-land', 'DD-1', 'Cấp giấy chứng nhận', 3);
    INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source)
      VALUES ('t1', '${DAY}', 'f-land', 'f-land', 1, 'A-001', 'done', ${T0}, 'kiosk');
    INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status, resolved_at) VALUES
      ${row('d1', 'C-1', 'counter', 'processing', null)}, ${row('d2', 'C-2', 'counter', 'result_ready', T0 + 3_600_000)},
      ${row(`${DONE_RUN}-00000`, 'IMP-1', 'online', 'processing', null)}, ${row(`${DONE_RUN}-00001`, 'IMP-2', 'online', 'processing', null)},
      ${row(`${CUT_RUN}-00001`, 'IMP-3', 'online', 'rejected', T0)};
    INSERT INTO dossier_history (dossier_id, at, to_status, actor_kind) VALUES ('d1', ${T0}, 'processing', 'officer');
    INSERT INTO ticket_dossiers (ticket_id, dossier_id, kind, at) VALUES ('t1', 'd1', 'reception', ${T0});
  `);
}

export function checkDossierChannel(db: Db, before?: ReturnType<typeof dossierObjects>): void {
  const cohort = 'SELECT channel, received, resolved, resolved_on_time AS ot, rejected FROM dossier_cohort ORDER BY channel';
  expect(db.prepare(cohort).all()).toEqual([
    { channel: 'counter', received: 2, resolved: 1, ot: 1, rejected: 0 },
    { channel: 'online', received: 3, resolved: 1, ot: 1, rejected: 1 },
  ]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM dossiers').get()).toEqual({ n: 5 });
  expect(db.prepare("SELECT dossier_id AS d, to_status AS s FROM dossier_history WHERE dossier_id = 'd1'").all()).toEqual([{ d: 'd1', s: 'processing' }]);
  expect(db.prepare('SELECT ticket_id AS t, dossier_id AS d FROM ticket_dossiers').all()).toEqual([{ t: 't1', d: 'd1' }]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // the rebuilt table keeps every index and trigger it had, and gains the code index
  const after = dossierObjects(db);
  if (before) expect(after.filter((o) => o.name !== 'dossiers_code_nocase')).toEqual(before);
  expect(after.map((o) => o.name)).toContain('dossiers_code_nocase');
  // 'post' is a channel now, anything else still is not
  db.prepare(`INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, due_date, status)
    VALUES ('d-post', 'POST-1', 'p1', 'f-land', 'post', ${T0}, '${DAY}', '${DAY}', 'processing')`).run();
  db.prepare("INSERT INTO dossier_history (dossier_id, at, to_status, actor_kind) VALUES ('d-post', 1, 'processing', 'admin')").run();
  expect(db.prepare("SELECT received FROM dossier_cohort WHERE channel = 'post'").get()).toEqual({ received: 1 });
  expect(() => db.prepare("UPDATE dossiers SET channel = 'fax' WHERE id = 'd-post'").run()).toThrow(/CHECK/);
  // codes are found whatever their case, through the index
  expect(db.prepare("SELECT id FROM dossiers WHERE code = 'c-1' COLLATE NOCASE").all()).toEqual([{ id: 'd1' }]);
  const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM dossiers WHERE code = 'c-1' COLLATE NOCASE").all() as Array<{ detail: string }>;
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/dossiers_code_nocase/);
  // the import runs of the hub before: finished or not, as their marker dossier says
  expect(db.prepare('SELECT id, finished_at AS f FROM import_runs ORDER BY id').all()).toEqual([
    { id: CUT_RUN, f: null },
    { id: DONE_RUN, f: 0 },
  ]);
}
