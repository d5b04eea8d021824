/**
 * A dossier import is stored in many short transactions, yet all or nothing: a run that fails
 * while being stored is undone (its new dossiers deleted, the stored dossiers it updated put
 * back with their history and report rollups), and one a crash cut short is undone when the hub
 * starts. The real apply path (applyRows) runs against a real hub and its SQLite file.
 */
import type { Dossier } from '@qms/core';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRows } from '../../apps/hub/src/dossiers/import-apply';
import type { PreparedDossier, RowsRequest } from '../../apps/hub/src/workers/protocol';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

const admin = { role: 'admin' as const, id: 'admin', name: 'Quản trị', deviceId: null };
const deps = () => ({ store: h.store, executor: h.hub.executor, logger: pino({ level: 'silent' }) });

function row(i: number, extra: Partial<PreparedDossier> = {}): PreparedDossier {
  const procedure = h.store.dossiers.procedures()[0];
  if (!procedure) throw new Error('no procedure');
  return {
    line: i + 2, code: `REC-${i}`, procedureId: procedure.id, fieldId: procedure.fieldId, receivedAt: Date.UTC(2024, 0, 15), receivedDay: '2024-01-15',
    dueDate: '2024-01-18', status: 'processing', resolvedAt: null, returnedAt: null, applicantName: `Người ${i}`, channel: 'online', ...extra,
  };
}
const source = (rows: PreparedDossier[]) => async ({ from, count }: RowsRequest): Promise<PreparedDossier[]> => rows.slice(from, from + count);

/** Everything an import may touch, to compare before and after. */
function snapshot() {
  const all = <T>(sql: string): T[] => h.store.db.prepare(sql).all() as T[];
  return {
    dossiers: all<Dossier>('SELECT id, code, status, due_date, resolved_at, returned_at, channel FROM dossiers ORDER BY code'),
    history: all('SELECT id, dossier_id, from_status, to_status FROM dossier_history ORDER BY id'),
    cohort: all('SELECT * FROM dossier_cohort ORDER BY received_day, field_id, channel'),
    runs: all('SELECT id FROM import_runs WHERE finished_at IS NULL'),
    journal: all('SELECT * FROM import_run_updates'),
  };
}

/** 60 stored dossiers (REC-0..59), imported and finished. */
async function storeSixty(): Promise<void> {
  const counts = await applyRows(deps(), admin, 60, source(Array.from({ length: 60 }, (_, i) => row(i))));
  expect(counts).toEqual({ created: 60, updated: 0, unchanged: 0 });
}

/** A cumulative file: REC-0..59 resolved (updates), then 60 new ones REC-60..119. */
const cumulative = (): PreparedDossier[] =>
  Array.from({ length: 120 }, (_, i) => (i < 60 ? row(i, { status: 'result_ready', resolvedAt: Date.UTC(2024, 0, 17), code: `rec-${i}` }) : row(i)));

describe('all or nothing across chunks, updates included', () => {
  it('a run that fails in a later chunk is undone: updates put back, new dossiers deleted, history and rollups as before', async () => {
    await storeSixty();
    const before = snapshot();
    const rows = cumulative();
    rows[110] = { ...row(110), procedureId: 'no-such-procedure' }; // a foreign key fails in the run's last chunks
    await expect(applyRows(deps(), admin, rows.length, source(rows))).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect(snapshot()).toEqual(before);
    // the undo told clients: each update was followed by one putting it back
    const events = h.store.db.prepare("SELECT data_json FROM events WHERE type = 'dossier:changed'").all() as Array<{ data_json: string }>;
    const updated = events.map((e) => JSON.parse(e.data_json) as { action: string; from?: string; dossier: { status: string } | null }).filter((e) => e.action === 'updated');
    expect(updated.filter((e) => e.from === 'processing' && e.dossier?.status === 'result_ready')).toHaveLength(60);
    expect(updated.filter((e) => e.from === 'result_ready' && e.dossier?.status === 'processing')).toHaveLength(60);
  });

  it('the same file without the bad row updates the 60 (codes in another case) and adds 60; journal dropped', async () => {
    await storeSixty();
    const counts = await applyRows(deps(), admin, 120, source(cumulative()));
    expect(counts).toEqual({ created: 60, updated: 60, unchanged: 0 });
    const after = snapshot();
    expect(after.dossiers).toHaveLength(120);
    expect(after.dossiers.filter((d) => (d as unknown as { status: string }).status === 'result_ready')).toHaveLength(60);
    expect(after.journal).toEqual([]);
    expect(after.runs).toEqual([]);
  });

  it('a run a crash cut short (no completion marker) is undone at the next start, updates included', async () => {
    await storeSixty();
    const before = snapshot();
    const rows = cumulative();
    let served = 0;
    const hanging = async (r: RowsRequest): Promise<PreparedDossier[]> => {
      // the hub stops for good while the run waits for its fourth chunk (three chunks stored)
      if (served++ === 3) return new Promise<PreparedDossier[]>(() => undefined);
      return rows.slice(r.from, r.from + r.count);
    };
    void applyRows(deps(), admin, rows.length, hanging).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    const midway = snapshot();
    expect(midway.runs).toHaveLength(1);
    expect(midway.journal).toHaveLength(60);
    await h.stopHub();
    await h.startHub();
    expect(snapshot()).toEqual(before);
  });
});
