/**
 * A dossier import is stored in many short transactions, yet all or nothing: a run that fails
 * while being stored is deleted again, and one a crash cut short is deleted when the hub starts.
 */
import { importDossierId } from '@qms/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows } from '../../apps/hub/src/dossiers/import-apply';
import type { PreparedDossier } from '../../apps/hub/src/workers/protocol';
import { startTestHub, type TestHub } from '../support/test-hub';

let h: TestHub;
beforeEach(async () => {
  h = await startTestHub();
});
afterEach(async () => {
  await h.close();
});

const admin = { role: 'admin' as const, id: 'admin', name: 'Quản trị', deviceId: null };
const row = (i: number, code = `REC-${i}`): PreparedDossier => ({
  line: i + 2, code, procedureId: 'tt-ks', fieldId: 'tu-phap-ho-tich', receivedAt: Date.UTC(2024, 0, 15), receivedDay: '2024-01-15',
  dueDate: '2024-01-18', status: 'processing', resolvedAt: null, returnedAt: null, applicantName: `Người ${i}`,
});
const count = (like: string): number =>
  (h.store.db.prepare('SELECT COUNT(*) AS n FROM dossiers WHERE code LIKE ?').get(like) as { n: number }).n;
const history = (): number => (h.store.db.prepare('SELECT COUNT(*) AS n FROM dossier_history').get() as { n: number }).n;
const cohort = (): number =>
  (h.store.db.prepare("SELECT COALESCE(SUM(received), 0) AS n FROM dossier_cohort WHERE received_day = '2024-01-15'").get() as { n: number }).n;

describe('all or nothing across chunks', () => {
  it('a run whose later chunk hits a code stored meanwhile is deleted again: dossiers, history, report rollups', async () => {
    const procedure = h.store.dossiers.procedures()[0];
    if (!procedure) throw new Error('no procedure');
    const rows = Array.from({ length: 120 }, (_, i) => ({ ...row(i), procedureId: procedure.id, fieldId: procedure.fieldId }));
    // a counter stored row 100's code after the duplicate check
    const clash = rows[100];
    if (!clash) throw new Error('no row 100');
    h.store.dossiers.insert({ id: 'counter-1', code: clash.code, procedureId: procedure.id, fieldId: procedure.fieldId, channel: 'counter', ticketId: null,
      applicant: { fullName: '', cccd: null, phone: null, birthDate: null, address: null }, receivedAt: clash.receivedAt, dueDate: clash.dueDate,
      status: 'processing', resolvedAt: null, returnedAt: null, counterId: null, officerId: null, note: null }, '2024-01-15', null);
    const before = { history: history(), cohort: cohort() };
    const deps = { store: h.store, executor: h.hub.executor, logger: pino({ level: 'silent' }) };
    await expect(insertRows(deps, admin, rows.length, async ({ from, count: n }) => rows.slice(from, from + n))).rejects.toMatchObject({
      code: expect.stringMatching(/^SQLITE_CONSTRAINT/),
    });
    expect(count('REC-%')).toBe(1);
    expect(history()).toBe(before.history);
    expect(cohort()).toBe(before.cohort);
  });

  it('a run a crash cut short (no completion marker) is deleted at the next start; a finished run stays', async () => {
    const procedure = h.store.dossiers.procedures()[0];
    if (!procedure) throw new Error('no procedure');
    const insert = (id: string, i: number): void => {
      const r = { ...row(i), procedureId: procedure.id, fieldId: procedure.fieldId };
      h.store.transaction(() => {
        h.store.dossiers.insert({ id, code: r.code, procedureId: r.procedureId, fieldId: r.fieldId, channel: 'online', ticketId: null,
          applicant: { fullName: 'x', cccd: null, phone: null, birthDate: null, address: null }, receivedAt: r.receivedAt, dueDate: r.dueDate,
          status: 'processing', resolvedAt: null, returnedAt: null, counterId: null, officerId: null, note: null }, r.receivedDay, null);
        h.store.dossiers.addHistory(id, { at: 1, from: null, to: 'processing', actorKind: 'admin', actorId: 'admin', note: null });
      });
    };
    const cut = 'imp-00000000-0000-4000-8000-000000000001';
    const done = 'imp-00000000-0000-4000-8000-000000000002';
    for (let i = 1; i <= 30; i++) insert(importDossierId(cut, i), i);
    for (let i = 0; i <= 30; i++) insert(importDossierId(done, i), 100 + i);
    expect(count('REC-%')).toBe(61);
    await h.stopHub();
    await h.startHub();
    expect(count('REC-%')).toBe(31);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM dossiers WHERE id LIKE ?').get(`${cut}%`)).toEqual({ n: 0 });
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM dossier_history WHERE dossier_id LIKE ?').get(`${cut}%`)).toEqual({ n: 0 });
  });
});
