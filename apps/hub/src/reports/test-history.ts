/**
 * A history whose report figures are known by construction, written through the real store
 * repositories (so the rollup triggers run), for the report tests. Not used by the hub itself.
 *
 * Two fields with tickets: A = Tư pháp – Hộ tịch (Quầy 1, Nguyễn Thị Lan, tickets issued from
 * 08:00) and B = Đất đai (Quầy 2, Trần Văn Minh, from 14:00); a third field (Chứng thực) and a
 * third counter exist without any figure. On each of DAYS, each of A and B issues 11 tickets,
 * ticket i at hh:00 + 2i minutes:
 * - i = 0..7 are called after 5(i+1) minutes by their own counter, served at once for
 *   (i+1) minutes (A) or 2(i+1) minutes (B); i = 0..5 are rated very satisfied, satisfied,
 *   neutral, unsatisfied, very satisfied, very satisfied;
 * - i = 8 is called after 45 minutes, recalled a minute later, then marked absent;
 * - i = 9 is called after 50 minutes, started, transferred to the other field two minutes
 *   later, called there by that field's counter five minutes after, served for 3 minutes;
 * - i = 10 is cancelled while waiting.
 * Dossiers: see DOSSIERS below (received on 2026-11-02 and 2026-12-01).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  callTicket,
  cancelTicket,
  changeDossierStatus,
  finishTicket,
  issuedTicket,
  markNoShow,
  recallTicket,
  startServing,
  transferTicket,
  type Counter,
  type Dossier,
  type DossierStatus,
  type Field,
  type RatingLevel,
  type Ticket,
} from '@qms/core';
import { Store, migrate, openDatabase } from '@qms/store';

export const DAYS = ['2026-11-02', '2026-11-03', '2026-12-01'] as const;
export const MIN = 60_000;
/** Epoch ms of a local (UTC+7) time. */
export const local = (day: string, hh: number, mm = 0): number => Date.parse(`${day}T00:00:00Z`) + ((hh - 7) * 60 + mm) * MIN;

const field = (id: string, nameVi: string, sortOrder: number, prefix: string): Field => ({
  id,
  code: id.slice(2).toUpperCase(),
  nameVi,
  nameEn: id,
  hintVi: '',
  hintEn: '',
  icon: '',
  numberFormat: { style: 'prefixed', prefix, rangeStart: 1, rangeEnd: 999, pad: 3 },
  sortOrder,
  enabled: true,
  defaultServiceMinutes: 10,
});
export const FIELDS: Field[] = [
  field('f-civil', 'Tư pháp – Hộ tịch', 1, 'A'),
  field('f-land', 'Đất đai', 2, 'B'),
  field('f-cert', 'Chứng thực', 3, 'C'),
];
const counter = (n: number, fieldIds: string[]): Counter => ({
  id: `c${n}`,
  number: n,
  name: `Quầy ${n}`,
  kind: 'receiving',
  fieldIds,
  status: 'open',
  officerId: null,
  consecutivePriorityCalls: 0,
  enabled: true,
});
export const COUNTERS: Counter[] = [counter(1, ['f-civil']), counter(2, ['f-land']), counter(3, ['f-cert'])];
export const OFFICERS = [
  { id: 'o1', fullName: 'Nguyễn Thị Lan', role: 'officer' as const },
  { id: 'o2', fullName: 'Trần Văn Minh', role: 'officer' as const },
  { id: 'admin', fullName: 'Quản trị viên', role: 'admin' as const },
];

/** The two busy lanes: field, counter, officer, first issue hour, service-time factor. */
export const LANES = [
  { field: 'f-civil', counter: 'c1', officer: 'o1', hour: 8, factor: 1 },
  { field: 'f-land', counter: 'c2', officer: 'o2', hour: 14, factor: 2 },
] as const;
const RATINGS: RatingLevel[] = ['very_satisfied', 'satisfied', 'neutral', 'unsatisfied', 'very_satisfied', 'very_satisfied'];

interface DossierSpec {
  id: string;
  field: string;
  channel: 'counter' | 'online';
  day: string;
  due: string;
  /** Status changes at local times. */
  path: Array<[DossierStatus, number]>;
}
/** As of 2026-11-09: d1, d2 overdue; d6 not yet due (due 2026-11-10); d8, d9 not yet due. */
export const DOSSIERS: DossierSpec[] = [
  { id: 'd1', field: 'f-civil', channel: 'counter', day: '2026-11-02', due: '2026-11-05', path: [] },
  { id: 'd2', field: 'f-civil', channel: 'online', day: '2026-11-02', due: '2026-11-03', path: [] },
  { id: 'd3', field: 'f-civil', channel: 'counter', day: '2026-11-02', due: '2026-11-04', path: [['result_ready', local('2026-11-03', 10)]] },
  {
    id: 'd4',
    field: 'f-civil',
    channel: 'counter',
    day: '2026-11-02',
    due: '2026-11-04',
    path: [
      ['result_ready', local('2026-11-05', 10)],
      ['returned', local('2026-11-06', 10)],
    ],
  },
  // refused at 00:30 on 2026-11-04 in Hanoi (still 2026-11-03 in UTC): late
  { id: 'd5', field: 'f-civil', channel: 'online', day: '2026-11-02', due: '2026-11-03', path: [['rejected', local('2026-11-04', 0, 30)]] },
  { id: 'd6', field: 'f-civil', channel: 'counter', day: '2026-11-02', due: '2026-11-10', path: [['needs_supplement', local('2026-11-02', 15)]] },
  {
    id: 'd7',
    field: 'f-land',
    channel: 'counter',
    day: '2026-11-02',
    due: '2026-11-04',
    path: [
      ['result_ready', local('2026-11-03', 10)],
      ['returned', local('2026-11-05', 9)],
    ],
  },
  { id: 'd8', field: 'f-land', channel: 'online', day: '2026-11-02', due: '2026-12-15', path: [] },
  { id: 'd9', field: 'f-civil', channel: 'counter', day: '2026-12-01', due: '2026-12-03', path: [] },
];

export interface TempHub {
  store: Store;
  cleanup(): void;
}

export function openHistoryStore(): TempHub {
  const dir = mkdtempSync(join(tmpdir(), 'qms-reports-test-'));
  const db = openDatabase(join(dir, 'hub.sqlite'));
  migrate(db);
  const store = new Store(db);
  return {
    store,
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function seedConfig(store: Store): void {
  store.transaction(() => {
    store.config.saveSite(
      {
        id: 'site-1',
        name: 'UBND phường Ba Đình',
        agencyCode: '000.00.00.H26',
        timeZone: 'Asia/Ho_Chi_Minh',
        openingHours: [],
        priority: { enabledGroups: [], maxConsecutivePriority: 2 },
      },
      0,
    );
    for (const f of FIELDS) store.config.saveField(f);
    for (const o of OFFICERS) {
      store.accounts.saveOfficer({ ...o, username: o.id, enabled: true, passwordHash: 'x', failedLogins: 0, lockedUntil: null }, 0);
    }
    for (const c of COUNTERS) store.config.saveCounter(c);
    for (const f of FIELDS) {
      store.dossiers.saveProcedure({ id: `p-${f.id}`, fieldId: f.id, code: `P-${f.id}`, name: `Thủ tục ${f.nameVi}`, processingDays: 3, fee: 0, enabled: true });
    }
  });
}

/** Writes the tickets, ratings and dossiers described above. */
export function writeHistory(store: Store): void {
  seedConfig(store);
  store.transaction(() => {
    for (const day of DAYS) {
      // the transfers arrive in the other lane: written after both lanes' own tickets
      const transfers: Array<{ t: Ticket; to: (typeof LANES)[number]; at: number }> = [];
      for (const [laneIndex, lane] of LANES.entries()) {
        const other = LANES[1 - laneIndex]!;
        for (let i = 0; i <= 10; i++) {
          const issuedAt = local(day, lane.hour, 2 * i);
          let t: Ticket = issuedTicket({
            id: `${day}-${lane.field}-${i}`,
            serviceDay: day,
            fieldId: lane.field,
            seq: i + 1,
            number: `${lane.field}-${i + 1}`,
            priorityGroup: null,
            issuedAt,
            source: 'kiosk',
            issuedBy: 'kiosk-1',
          });
          store.tickets.insert(t);
          const update = (next: Ticket): void => {
            t = next;
            store.tickets.update(t);
          };
          const call = { counterId: lane.counter, officerId: lane.officer };
          if (i <= 7) {
            const calledAt = issuedAt + 5 * (i + 1) * MIN;
            update(callTicket(t, { ...call, at: calledAt }));
            update(startServing(t, { at: calledAt }));
            update(finishTicket(t, { at: calledAt + lane.factor * (i + 1) * MIN }));
            const level = RATINGS[i];
            if (level) store.ratings.save({ ticketId: t.id, counterId: lane.counter, officerId: lane.officer, level, at: t.finishedAt! + MIN, deviceId: null });
          } else if (i === 8) {
            update(callTicket(t, { ...call, at: issuedAt + 45 * MIN }));
            update(recallTicket(t, { at: issuedAt + 46 * MIN }));
            update(markNoShow(t, { at: issuedAt + 47 * MIN }));
          } else if (i === 9) {
            const calledAt = issuedAt + 50 * MIN;
            update(callTicket(t, { ...call, at: calledAt }));
            update(startServing(t, { at: calledAt }));
            update(transferTicket(t, { toFieldId: other.field, at: calledAt + 2 * MIN }));
            transfers.push({ t, to: other, at: calledAt + 7 * MIN });
          } else {
            update(cancelTicket(t, { at: issuedAt + 30 * MIN }));
          }
        }
      }
      for (const { t: waiting, to, at } of transfers) {
        let t = callTicket(waiting, { counterId: to.counter, officerId: to.officer, at });
        store.tickets.update(t);
        t = startServing(t, { at });
        store.tickets.update(t);
        store.tickets.update(finishTicket(t, { at: at + 3 * MIN }));
      }
    }
    DOSSIERS.forEach((spec, i) => {
      let d: Dossier = {
        id: spec.id,
        code: `000.00.00.H26-${spec.day.slice(2).replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
        procedureId: `p-${spec.field}`,
        fieldId: spec.field,
        channel: spec.channel,
        ticketId: null,
        applicant: { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null },
        receivedAt: local(spec.day, 9),
        dueDate: spec.due,
        status: 'processing',
        resolvedAt: null,
        returnedAt: null,
        counterId: null,
        officerId: null,
        note: null,
      };
      store.dossiers.insert(d, spec.day, i + 1);
      for (const [to, at] of spec.path) {
        d = changeDossierStatus(d, to, at);
        store.dossiers.updateStatus(d);
      }
    });
  });
}

