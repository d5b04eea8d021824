/**
 * One-off measurement of the dossier desk's list on 300,000 dossiers (docs/decisions/0004):
 * writes them through the store (so migration 0013's name triggers run as under the hub), then
 * times each kind of `dossier:search` query, median of 5, and a bare `SELECT ... LIMIT 50` on
 * the same file as the baseline.
 *
 *   npx tsx test/bench/tools/dossier-desk-300k.ts [count] [file to keep (reused when it exists)]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dossier, DossierStatus } from '@qms/core';
import { Store, migrate, openDatabase, type DossierSearch } from '@qms/store';

const COUNT = Number(process.argv[2] ?? 300_000);
const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 2, 1);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Hữu', 'Ngọc', 'Thanh'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Vy', 'Xuân', 'Yến'];
const STATUSES: DossierStatus[] = ['returned', 'returned', 'returned', 'result_ready', 'rejected', 'processing', 'needs_supplement'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

function generate(store: Store): void {
  store.db.exec(`INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
    VALUES ('f1', 'TP', 'Tư pháp', 'Justice', 'numeric', '', 1001, 1999, 3, 1)`);
  for (let p = 0; p < 40; p += 1) store.db.prepare('INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES (?, ?, ?, ?, ?)').run(`p${p}`, 'f1', `P${p}`, `Thủ tục ${p}`, p % 10);
  const perDay = Math.ceil(COUNT / 1100);
  for (let start = 0; start < COUNT; start += 10_000) {
    store.transaction(() => {
      for (let i = start; i < Math.min(COUNT, start + 10_000); i += 1) {
        const day = Math.floor(i / perDay);
        const receivedAt = START + day * DAY_MS + (i % perDay) * 60_000;
        const status = i > COUNT - 3000 ? pick(['processing', 'needs_supplement', 'result_ready'] as const, i) : pick(STATUSES, i * 13 + (i >> 5));
        const iso = new Date(receivedAt).toISOString().slice(0, 10);
        const d: Dossier = {
          id: `d${i}`,
          code: `000.00.00.H26-${iso.slice(2).replace(/-/g, '')}-${String((i % perDay) + 1).padStart(4, '0')}`,
          procedureId: `p${i % 40}`,
          fieldId: 'f1',
          channel: i % 3 === 0 ? 'counter' : 'online',
          ticketId: null,
          applicant: { fullName: `${pick(FAMILY, i)} ${pick(MIDDLE, i >> 4)} ${pick(GIVEN, i >> 7)}`, cccd: null, phone: null, birthDate: null, address: null },
          receivedAt,
          dueDate: new Date(receivedAt + ((i % 10) + 1) * DAY_MS).toISOString().slice(0, 10),
          status,
          resolvedAt: status === 'processing' || status === 'needs_supplement' ? null : receivedAt + DAY_MS,
          returnedAt: status === 'returned' ? receivedAt + 2 * DAY_MS : null,
          counterId: null,
          officerId: null,
          note: null,
        };
        store.dossiers.insert(d, iso, null);
      }
    });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => void): number {
  const runs: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

const keep = process.argv[3];
const dir = mkdtempSync(join(tmpdir(), 'desk-300k-'));
try {
  const path = keep ?? join(dir, 'hub.sqlite');
  const fresh = !existsSync(path);
  const db = openDatabase(path);
  migrate(db);
  const store = new Store(db);
  const t0 = performance.now();
  if (fresh) generate(store);
  console.log(`${fresh ? 'generated' : 'reused'} ${COUNT} dossiers in ${Math.round(performance.now() - t0)} ms`);
  const today = new Date(START + 1100 * DAY_MS).toISOString().slice(0, 10);
  const base: DossierSearch = { filter: {}, sort: 'newest', today, offset: 0, limit: 50 };
  const cases: Array<[string, Partial<DossierSearch>]> = [
    ['newest, no filter', {}],
    ['overdue first, no filter', { sort: 'overdue_first' }],
    ['code part', { filter: { code: '240115-00' } }],
    ['applicant "nguyen van an"', { filter: { applicant: 'nguyen van an' } }],
    ['applicant "dang" (d/đ)', { filter: { applicant: 'dang' } }],
    ['procedure', { filter: { procedureId: 'p7' } }],
    ['status processing', { filter: { statuses: ['processing'] } }],
    ['status returned + rejected', { filter: { statuses: ['returned', 'rejected'] } }],
    ['status + procedure', { filter: { statuses: ['returned'], procedureId: 'p3' } }],
    ['received one month', { filter: { receivedFrom: START + 400 * DAY_MS, receivedBefore: START + 430 * DAY_MS } }],
    ['due in 7 days', { filter: { due: { from: today, to: today } } }],
    ['overdue', { filter: { overdueBefore: today } }],
    ['page 1000 of 100', { offset: 999 * 100, limit: 100 }],
    ['page 1000, status returned', { offset: 999 * 100, limit: 100, filter: { statuses: ['returned'] } }],
  ];
  const baseline = time(() => db.prepare('SELECT * FROM dossiers LIMIT 50').all());
  console.log(`baseline SELECT * LIMIT 50: ${baseline.toFixed(2)} ms`);
  for (const [label, s] of cases) {
    let total = 0;
    const ms = time(() => (total = store.dossierDesk.search({ ...base, ...s }).total));
    console.log(`${label.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  (${total} matches, ${(ms / baseline).toFixed(0)}× baseline)`);
  }
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
