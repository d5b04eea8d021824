import type { Dossier, DossierStatus } from '@qms/core';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameQuery, type DossierSearch } from './dossier-search';
import { DAY, T0, openTempStore, type TempStore } from './test-fixtures';

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
  t.store.db.exec(`
    INSERT INTO fields (id, code, name_vi, name_en, number_style, number_prefix, range_start, range_end, pad, sort_order)
      VALUES ('f-civil', 'TP', 'Tư pháp', 'Justice', 'numeric', '', 1001, 1999, 3, 1);
    INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p1', 'f-civil', 'KS', 'Đăng ký khai sinh', 0);
    INSERT INTO procedures (id, field_id, code, name, processing_days) VALUES ('p2', 'f-civil', 'KH', 'Đăng ký kết hôn', 3);`);
});
afterEach(() => t.cleanup());

const HOUR = 3_600_000;

function dossier(n: number, over: Partial<Dossier> = {}): Dossier {
  return {
    id: `d${n}`,
    code: `000.00.00.H26-261123-${String(n).padStart(4, '0')}`,
    procedureId: 'p1',
    fieldId: 'f-civil',
    channel: 'counter',
    ticketId: null,
    applicant: { fullName: `Người số ${n}`, cccd: null, phone: null, birthDate: null, address: null },
    receivedAt: T0 + n * HOUR,
    dueDate: DAY,
    status: 'processing',
    resolvedAt: null,
    returnedAt: null,
    counterId: null,
    officerId: null,
    note: null,
    ...over,
  };
}

function insert(...ds: Dossier[]): void {
  for (const d of ds) t.store.dossiers.insert(d, DAY, null);
}

const search = (s: Partial<DossierSearch>): string[] =>
  t.store.dossierDesk.search({ filter: {}, sort: 'newest', today: '2026-11-25', offset: 0, limit: 50, ...s }).rows.map((d) => d.id);

describe('dossier desk search', () => {
  it('names match by word prefix, any case, with or without diacritics, d for đ; erased names drop out', () => {
    insert(
      dossier(1, { applicant: { fullName: 'Đặng Thị Ánh', cccd: null, phone: null, birthDate: null, address: null } }),
      dossier(2, { applicant: { fullName: 'Nguyễn Văn An', cccd: null, phone: null, birthDate: null, address: null } }),
      dossier(3, { applicant: { fullName: 'Nguyễn Thị Bình', cccd: null, phone: null, birthDate: null, address: null } }),
    );
    expect(search({ filter: { applicant: 'dang anh' } })).toEqual(['d1']);
    expect(search({ filter: { applicant: 'ĐẶNG' } })).toEqual(['d1']);
    expect(search({ filter: { applicant: 'nguyen' } })).toEqual(['d3', 'd2']);
    expect(search({ filter: { applicant: 'Nguyễn V' } })).toEqual(['d2']);
    // decomposed input (NFD) and FTS syntax in the text are plain words
    expect(search({ filter: { applicant: 'Nguyễn Văn'.normalize('NFD') } })).toEqual(['d2']);
    expect(search({ filter: { applicant: '"nguyen" *' } })).toEqual(['d3', 'd2']);
    expect(search({ filter: { applicant: 'nguyen OR dang' } })).toEqual([]);
    expect(search({ filter: { applicant: '***' } })).toEqual([]);
    t.store.dossiers.eraseApplicant(['d2'], T0);
    expect(search({ filter: { applicant: 'nguyen' } })).toEqual(['d3']);
  });

  it('filters combine; overdue first puts the most overdue first, then the rest newest first; pages are exact', () => {
    const statuses: DossierStatus[] = ['processing', 'needs_supplement', 'result_ready', 'processing', 'returned', 'processing'];
    insert(
      ...statuses.map((status, i) =>
        dossier(i + 1, { status, procedureId: i % 2 === 0 ? 'p1' : 'p2', dueDate: `2026-11-2${i}`, resolvedAt: status === 'processing' || status === 'needs_supplement' ? null : T0 }),
      ),
    );
    // today 2026-11-25: d1 (due 20), d2 (21, supplement), d4 (23) are overdue; d6 (25) is not
    expect(search({ filter: { overdueBefore: '2026-11-25' } })).toEqual(['d4', 'd2', 'd1']);
    expect(search({ filter: { due: { from: '2026-11-25', to: '2026-11-27' } } })).toEqual(['d6']);
    expect(search({ filter: { statuses: ['processing'], procedureId: 'p1' } })).toEqual(['d1']);
    expect(search({ filter: { code: '261123-000' } })).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1']);
    expect(search({ filter: { code: '%' } })).toEqual([]);
    expect(search({ filter: { receivedFrom: T0 + 2 * HOUR, receivedBefore: T0 + 4 * HOUR } })).toEqual(['d3', 'd2']);
    const all = search({ sort: 'overdue_first' });
    expect(all).toEqual(['d1', 'd2', 'd4', 'd6', 'd5', 'd3']);
    const pages = [0, 2, 4].map((offset) => search({ sort: 'overdue_first', offset, limit: 2 }));
    expect(pages.flat()).toEqual(all);
    expect(t.store.dossierDesk.search({ filter: {}, sort: 'newest', today: DAY, offset: 4, limit: 2 }).total).toBe(6);
  });

  it('uses an index for every filter and sort (EXPLAIN QUERY PLAN)', () => {
    const plan = (sql: string, ...params: unknown[]): string =>
      t.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => (r as { detail: string }).detail).join(' | ');
    const page = 'ORDER BY received_at DESC, rowid DESC LIMIT 50'; // as searchDossiers orders
    expect(plan(`SELECT * FROM dossiers WHERE 1 ${page}`)).toMatch(/^SCAN dossiers USING INDEX dossiers_received_at$/); // no sort
    expect(plan(`SELECT * FROM dossiers WHERE received_at >= ? AND received_at < ? ${page}`, 0, 1)).toMatch(/USING INDEX dossiers_received_at \(received_at>\? AND received_at<\?\)/);
    expect(plan(`SELECT * FROM dossiers WHERE status IN ('processing') ${page}`)).toMatch(/dossiers_status_due/);
    expect(plan(`SELECT * FROM dossiers INDEXED BY dossiers_received_at WHERE status IN ('returned') ${page}`)).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT * FROM dossiers WHERE procedure_id = ? ${page}`, 'p1')).toMatch(/dossiers_procedure_received/);
    expect(plan(`SELECT * FROM dossiers WHERE status IN ('processing', 'needs_supplement') AND due_date < ? ORDER BY due_date LIMIT 50`, DAY)).toMatch(/dossiers_status_due/);
    expect(plan(`SELECT * FROM dossiers WHERE rowid IN (SELECT rowid FROM dossier_names WHERE dossier_names MATCH ?) ${page}`, '"an"*')).toMatch(/VIRTUAL TABLE INDEX/);
  });

  it('an erased name leaves no word behind in the name index, nor in the file bytes', () => {
    insert(dossier(1, { applicant: { fullName: 'Xuyênquỳnh Zzzqa', cccd: null, phone: null, birthDate: null, address: null } }));
    const bytes = (): string => {
      t.store.db.pragma('wal_checkpoint(TRUNCATE)');
      return Buffer.concat([t.path, `${t.path}-wal`].filter(existsSync).map((f) => readFileSync(f))).toString('latin1');
    };
    // the index holds the folded words (the check below would see them)
    expect(bytes()).toContain('xuyenquynh');
    t.store.dossiers.eraseApplicant(['d1'], T0);
    expect(search({ filter: { applicant: 'xuyenquynh' } })).toEqual([]);
    const after = bytes();
    expect(after).not.toContain('xuyenquynh');
    expect(after).not.toContain('zzzqa');
  });

  it('builds a safe FTS5 query from any text', () => {
    expect(nameQuery('  Đỗ  Văn-Hùng ')).toBe('("dỗ"* OR "đỗ"*) AND ("văn"*) AND ("hùng"*)');
    expect(nameQuery('"; DROP')).toBe('("drop"* OR "đrop"*)');
    expect(nameQuery('!!!')).toBeNull();
  });
});
