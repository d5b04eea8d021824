/**
 * One year of a busy service point, written through prepared statements in one transaction per
 * day, so the rollup triggers of migration 0005 run exactly as they do under the hub.
 * Deterministic (seeded), so two runs build the same history.
 */
import type { Counter, Field, Site } from '@qms/core';
import type { Store } from '@qms/store';
import { prng } from './stats';

export interface GenerateOptions {
  year: number;
  tickets: number;
  dossiers: number;
  seed: number;
}

export interface Generated {
  days: string[];
  fields: Field[];
  counters: Counter[];
  officers: Array<{ id: string; fullName: string }>;
  tickets: number;
  ratings: number;
  dossiers: number;
  /** The "now" the year ends at: 17:00 local on its last working day. */
  now: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TZ_OFFSET_MS = 7 * HOUR;

function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Minutes, lognormal around `median`. */
function lognormal(r: () => number, median: number, sigma: number, max: number): number {
  return Math.min(max, median * Math.exp(sigma * normal(r)));
}

function localMidnightUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - TZ_OFFSET_MS;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isWeekday(day: string): boolean {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w >= 1 && w <= 5;
}

/** Working days after `day` (weekends skipped; holidays are ignored here). */
function addWorkingDays(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWeekday(d)) left -= 1;
  }
  return d;
}

const FIELD_NAMES: Array<[string, string, number]> = [
  ['TP', 'Tư pháp – Hộ tịch', 0.22],
  ['CT', 'Chứng thực', 0.25],
  ['DD', 'Đất đai', 0.14],
  ['XD', 'Xây dựng', 0.06],
  ['TN', 'Tài nguyên – Môi trường', 0.04],
  ['VH', 'Văn hóa – Xã hội', 0.11],
  ['KD', 'Kinh doanh', 0.08],
  ['TK', 'Trả kết quả', 0.1],
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Thị Lan', 'Văn Minh', 'Thị Hoa', 'Văn Hùng', 'Thị Mai', 'Quốc Bảo', 'Thu Trang', 'Đức Anh'];

export function siteConfig(): { site: Site; fields: Field[]; counters: Counter[]; officers: Array<{ id: string; fullName: string }> } {
  const site: Site = {
    id: 'site-1',
    name: 'Trung tâm Phục vụ hành chính công phường Ba Đình',
    agencyCode: '000.00.00.H26',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, open: '07:30', close: '11:30' },
      { weekday, open: '13:30', close: '17:00' },
    ]),
    priority: { enabledGroups: ['elderly'], maxConsecutivePriority: 2 },
  };
  const fields: Field[] = FIELD_NAMES.map(([code, nameVi], i) => ({
    id: `f-${code.toLowerCase()}`,
    code,
    nameVi,
    nameEn: code,
    hintVi: '',
    hintEn: '',
    icon: '',
    numberFormat: { style: 'prefixed', prefix: String.fromCharCode(65 + i), rangeStart: 1, rangeEnd: 9999, pad: 4 },
    sortOrder: i + 1,
    enabled: true,
    defaultServiceMinutes: 10,
  }));
  // 20 counters: each serves its main field and, for some, a second one.
  const counters: Counter[] = Array.from({ length: 20 }, (_, i) => {
    const main = fields[i % fields.length]!.id;
    const second = fields[(i + 3) % fields.length]!.id;
    return {
      id: `c${i + 1}`,
      number: i + 1,
      name: `Quầy ${i + 1}`,
      kind: 'receiving',
      fieldIds: i % 3 === 0 ? [main, second] : [main],
      status: 'open',
      officerId: null,
      consecutivePriorityCalls: 0,
      enabled: true,
    };
  });
  const officers = Array.from({ length: 25 }, (_, i) => ({
    id: `o${i + 1}`,
    fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 3) % GIVEN.length]} ${i + 1}`,
  }));
  return { site, fields, counters, officers };
}

export function seedSite(store: Store, t0: number): void {
  const { site, fields, counters, officers } = siteConfig();
  store.transaction(() => {
    store.config.saveSite(site, t0);
    for (const f of fields) store.config.saveField(f);
    for (const o of officers) {
      store.accounts.saveOfficer(
        { id: o.id, username: o.id, fullName: o.fullName, role: 'officer', enabled: true, passwordHash: 'x', failedLogins: 0, lockedUntil: null },
        t0,
      );
    }
    for (const c of counters) store.config.saveCounter(c);
    fields.forEach((f, i) => {
      for (const [j, days] of [0, 3, 5, 7, 10, 15].entries()) {
        store.dossiers.saveProcedure(
          { id: `p-${f.code}-${j}`, fieldId: f.id, code: `${f.code}-${j}`, name: `Thủ tục ${f.code} ${j}`, processingDays: days, fee: 0, enabled: true },
          i * 10 + j,
        );
      }
    });
  });
}

/** The working days of a year (Monday–Friday, without 1 January and a Tết week). */
export function workingDays(year: number, limit: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)) && days.length < limit; d = addDays(d, 1)) {
    if (!isWeekday(d) || d.endsWith('-01-01') || (d >= `${year}-02-16` && d <= `${year}-02-20`)) continue;
    days.push(d);
  }
  return days;
}

export function generateYear(store: Store, o: GenerateOptions): Generated {
  const r = prng(o.seed);
  const { fields, counters, officers } = siteConfig();
  seedSite(store, Date.UTC(o.year, 0, 1));
  const days = workingDays(o.year, 250);
  const weights = FIELD_NAMES.map(([, , w]) => w);
  const pickField = (): number => {
    let x = r();
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x <= 0) return i;
    }
    return weights.length - 1;
  };
  const countersOf = fields.map((f) => counters.filter((c) => c.fieldIds.includes(f.id)));
  const db = store.db;
  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, source, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, 'kiosk', 'kiosk-1')`,
  );
  // a ticket written once in its final state (the insert triggers count it like the update path)
  const insertFinal = db.prepare(
    `INSERT INTO tickets (id, service_day, field_id, number_field_id, seq, number, status, issued_at, called_at, first_called_at,
       serving_at, finished_at, counter_id, officer_id, call_count, source, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', 'kiosk-1')`,
  );
  const updateTicket = db.prepare(
    `UPDATE tickets SET field_id = ?, status = ?, called_at = ?, serving_at = ?, finished_at = ?, counter_id = ?,
       officer_id = ?, call_count = ?, transfer_count = ?, target_counter_id = NULL WHERE id = ?`,
  );
  const insertRating = db.prepare('INSERT INTO ratings (ticket_id, counter_id, officer_id, level, at) VALUES (?, ?, ?, ?, ?)');
  const insertDossier = db.prepare(
    `INSERT INTO dossiers (id, code, procedure_id, field_id, channel, received_at, received_day, code_seq, due_date, status,
       resolved_at, returned_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateDossier = db.prepare('UPDATE dossiers SET status = ?, resolved_at = ?, returned_at = ? WHERE id = ?');

  const lastDay = days[days.length - 1]!;
  const now = localMidnightUtc(lastDay) + 17 * HOUR;
  const levels = ['very_satisfied', 'satisfied', 'neutral', 'unsatisfied'] as const;
  let ticketN = 0;
  let ratingN = 0;
  let dossierN = 0;
  const officerAt = (counterIdx: number, dayIdx: number, afternoon: boolean): string =>
    officers[(counterIdx + dayIdx * 7 + (afternoon ? 13 : 0)) % officers.length]!.id;

  days.forEach((day, dayIdx) => {
    const midnight = localMidnightUtc(day);
    const ticketsToday = Math.round((o.tickets * (dayIdx + 1)) / days.length) - Math.round((o.tickets * dayIdx) / days.length);
    const dossiersToday = Math.round((o.dossiers * (dayIdx + 1)) / days.length) - Math.round((o.dossiers * dayIdx) / days.length);
    const seqs = new Array<number>(fields.length).fill(0);
    store.transaction(() => {
      for (let i = 0; i < ticketsToday; i++) {
        const fi = pickField();
        const field = fields[fi]!;
        const afternoon = r() < 0.4;
        const startMin = afternoon ? 13.5 * 60 : 7.5 * 60;
        const spanMin = afternoon ? 195 : 225;
        const issuedAt = Math.round(midnight + (startMin + spanMin * Math.pow(r(), 1.3)) * MINUTE);
        const seq = (seqs[fi] = (seqs[fi] ?? 0) + 1);
        const id = `t${++ticketN}`;
        const number = `${field.numberFormat.prefix}-${String(seq).padStart(4, '0')}`;
        const cs = countersOf[fi]!;
        const counter = cs[Math.floor(r() * cs.length)]!;
        const officer = officerAt(counters.indexOf(counter), dayIdx, afternoon);
        const waitMin = lognormal(r, 11, 0.75, 240);
        const calledAt = Math.round(issuedAt + waitMin * MINUTE);
        const outcome = r();
        const serviceMin = lognormal(r, 7, 0.6, 120);
        // one ticket in ten (and every transfer) goes through the hub's path: insert, then updates
        const viaUpdates = ticketN % 10 === 0 || (outcome >= 0.09 && outcome < 0.12);
        if (outcome < 0.04) {
          if (viaUpdates) {
            insertTicket.run(id, day, field.id, field.id, seq, number, issuedAt);
            updateTicket.run(field.id, 'cancelled', null, null, calledAt, null, null, 0, 0, id);
          } else {
            insertFinal.run(id, day, field.id, field.id, seq, number, 'cancelled', issuedAt, null, null, null, calledAt, null, null, 0);
          }
          continue;
        }
        if (outcome < 0.09) {
          if (viaUpdates) {
            insertTicket.run(id, day, field.id, field.id, seq, number, issuedAt);
            updateTicket.run(field.id, 'no_show', calledAt, null, calledAt + 2 * MINUTE, counter.id, officer, 2, 0, id);
          } else {
            insertFinal.run(id, day, field.id, field.id, seq, number, 'no_show', issuedAt, calledAt, calledAt, null, calledAt + 2 * MINUTE, counter.id, officer, 2);
          }
          continue;
        }
        if (outcome < 0.12) {
          // called, then sent to another field, then served there
          insertTicket.run(id, day, field.id, field.id, seq, number, issuedAt);
          updateTicket.run(field.id, 'serving', calledAt, calledAt + MINUTE, null, counter.id, officer, 1, 0, id);
          const toFi = (fi + 1 + Math.floor(r() * (fields.length - 1))) % fields.length;
          const to = fields[toFi]!;
          updateTicket.run(to.id, 'waiting', null, null, null, null, null, 0, 1, id);
          const cs2 = countersOf[toFi]!;
          const c2 = cs2[Math.floor(r() * cs2.length)]!;
          const o2 = officerAt(counters.indexOf(c2), dayIdx, afternoon);
          const called2 = calledAt + Math.round(lognormal(r, 8, 0.6, 120) * MINUTE);
          const finished = called2 + Math.round(serviceMin * MINUTE);
          updateTicket.run(to.id, 'done', called2, called2, finished, c2.id, o2, 1, 1, id);
          continue;
        }
        const servingAt = calledAt + Math.round(r() * MINUTE);
        const finishedAt = servingAt + Math.round(serviceMin * MINUTE);
        if (viaUpdates) {
          insertTicket.run(id, day, field.id, field.id, seq, number, issuedAt);
          updateTicket.run(field.id, 'called', calledAt, null, null, counter.id, officer, 1, 0, id);
          updateTicket.run(field.id, 'done', calledAt, servingAt, finishedAt, counter.id, officer, 1, 0, id);
        } else {
          insertFinal.run(id, day, field.id, field.id, seq, number, 'done', issuedAt, calledAt, calledAt, servingAt, finishedAt, counter.id, officer, 1);
        }
        if (r() < 0.3) {
          const x = r();
          const level = levels[x < 0.55 ? 0 : x < 0.85 ? 1 : x < 0.96 ? 2 : 3];
          insertRating.run(id, counter.id, officer, level, finishedAt + MINUTE);
          ratingN += 1;
        }
      }
      for (let i = 0; i < dossiersToday; i++) {
        const fi = pickField();
        const field = fields[fi]!;
        const pj = Math.floor(r() * 6);
        const processingDays = [0, 3, 5, 7, 10, 15][pj]!;
        const receivedAt = Math.round(midnight + (7.5 * 60 + r() * 570) * MINUTE);
        const due = addWorkingDays(day, processingDays);
        const id = `d${++dossierN}`;
        const channel = r() < 0.3 ? 'online' : 'counter';
        const code = `000.00.00.H26-${day.slice(2).replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`;
        const late = r() < 0.12;
        const took = late ? processingDays + 1 + Math.floor(r() * 5) : Math.floor(r() * (processingDays + 1));
        const resolvedAt = localMidnightUtc(addWorkingDays(day, took)) + 15 * HOUR;
        const rejected = r() < 0.03;
        const returnedAt = resolvedAt + Math.round(r() * 3) * 24 * HOUR;
        const returned = returnedAt <= now && r() < 0.8;
        const status = resolvedAt > now ? (r() < 0.1 ? 'needs_supplement' : 'processing') : returned ? 'returned' : rejected ? 'rejected' : 'result_ready';
        const resolved = status !== 'processing' && status !== 'needs_supplement';
        // one in ten goes through the status changes the hub makes; the rest is written as it ends
        if (i % 10 === 0) {
          insertDossier.run(id, code, `p-${field.code}-${pj}`, field.id, channel, receivedAt, day, i + 1, due, 'processing', null, null);
          if (status === 'needs_supplement') updateDossier.run('needs_supplement', null, null, id);
          if (resolved) updateDossier.run(rejected ? 'rejected' : 'result_ready', resolvedAt, null, id);
          if (status === 'returned') updateDossier.run('returned', resolvedAt, returnedAt, id);
        } else {
          insertDossier.run(id, code, `p-${field.code}-${pj}`, field.id, channel, receivedAt, day, i + 1, due, status,
            resolved ? resolvedAt : null, status === 'returned' ? returnedAt : null);
        }
      }
    });
  });
  return { days, fields, counters, officers, tickets: ticketN, ratings: ratingN, dossiers: dossierN, now };
}
