import type { Dossier, DossierStatus, EpochMs, Id } from '@qms/core';
import type { Db } from './db';
import { toDossier, toHistoryEntry, type DossierHistoryEntry, type DossierRow, type HistoryRow } from './dossier-repo';

/** What the dossier desk filters on; every part optional, all parts combined with AND. */
export interface DossierFilter {
  /** Part of the code, any case. */
  code?: string | undefined;
  /** Words of the applicant's name: each a word prefix, any case, diacritics ignored. */
  applicant?: string | undefined;
  procedureId?: Id | undefined;
  statuses?: readonly DossierStatus[] | undefined;
  /** received_at >= receivedFrom and < receivedBefore (epoch ms). */
  receivedFrom?: EpochMs | undefined;
  receivedBefore?: EpochMs | undefined;
  /** Unresolved and due_date in [dueFrom, dueTo] (local days, inclusive). */
  due?: { from: string; to: string } | undefined;
  /** Unresolved and due_date < this local day. */
  overdueBefore?: string | undefined;
}

export type DossierSort = 'newest' | 'overdue_first';

export interface DossierSearch {
  filter: DossierFilter;
  sort: DossierSort;
  /** The local day "overdue" is judged against (overdue_first). */
  today: string;
  offset: number;
  limit: number;
}

const UNRESOLVED = "status IN ('processing', 'needs_supplement')";

/** A word with each of its first three d/đ both ways (the index folds diacritics, but đ is a letter of its own). */
function dVariants(word: string): string[] {
  let out = [''];
  let varied = 0;
  for (const ch of word) {
    const both = (ch === 'd' || ch === 'đ') && varied < 3;
    if (both) varied += 1;
    out = out.flatMap((p) => (both ? [`${p}d`, `${p}đ`] : [p + ch]));
  }
  return out;
}

/**
 * The applicant words as an FTS5 query: each word a quoted prefix (no operator of the user's
 * reaches FTS5), d and đ both ways; null when no word is left.
 */
export function nameQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `(${dVariants(w).map((v) => `"${v}"*`).join(' OR ')})`).join(' AND ');
}

function whereOf(f: DossierFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.code !== undefined) {
    // matched over the code's own (covering) index first: a scan of the codes, not of the rows
    parts.push("rowid IN (SELECT rowid FROM dossiers WHERE code LIKE ? ESCAPE '\\')");
    params.push(`%${f.code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.applicant !== undefined) {
    const q = nameQuery(f.applicant);
    if (q === null) parts.push('0');
    else {
      parts.push('rowid IN (SELECT rowid FROM dossier_names WHERE dossier_names MATCH ?)');
      params.push(q);
    }
  }
  if (f.procedureId !== undefined) {
    parts.push('procedure_id = ?');
    params.push(f.procedureId);
  }
  if (f.statuses !== undefined) {
    parts.push(`status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  if (f.receivedFrom !== undefined) {
    parts.push('received_at >= ?');
    params.push(f.receivedFrom);
  }
  if (f.receivedBefore !== undefined) {
    parts.push('received_at < ?');
    params.push(f.receivedBefore);
  }
  if (f.due !== undefined) {
    parts.push(`${UNRESOLVED} AND due_date BETWEEN ? AND ?`);
    params.push(f.due.from, f.due.to);
  }
  if (f.overdueBefore !== undefined) {
    parts.push(`${UNRESOLVED} AND due_date < ?`);
    params.push(f.overdueBefore);
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/**
 * Above this many matches a page is read in received order from the received_at index and
 * stops after the page; at or below, the matches are found through the most selective index
 * and sorted (cheap for a few thousand rows, and far cheaper than walking 300,000 to find them).
 */
export const SORT_LIMIT = 20_000;

/**
 * The desk's list, one page, and how many match in all. Newest first: by received_at, ties by
 * rowid (so the index gives the order without a sort). Overdue first: the overdue matches (most
 * overdue first) and then the others newest first.
 */
export function searchDossiers(db: Db, s: DossierSearch): { rows: Dossier[]; total: number } {
  const w = whereOf(s.filter);
  const count = (where: string, params: unknown[]): number =>
    db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM dossiers WHERE ${where}`).get(...params)?.n ?? 0;
  const list = (where: string, params: unknown[], order: string, offset: number, limit: number, many: boolean): Dossier[] =>
    limit <= 0
      ? []
      : db
          .prepare<unknown[], DossierRow>(
            `SELECT * FROM dossiers ${many ? 'INDEXED BY dossiers_received_at' : ''} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
          )
          .all(...params, limit, offset)
          .map(toDossier);
  const newest = 'received_at DESC, rowid DESC';
  const total = count(w.sql, w.params);
  if (s.sort === 'newest') return { rows: list(w.sql, w.params, newest, s.offset, s.limit, total > SORT_LIMIT), total };
  const overdue = `${w.sql} AND ${UNRESOLVED} AND due_date < ?`;
  const params = [...w.params, s.today];
  const nOverdue = count(overdue, params);
  const first = list(overdue, params, `due_date, ${newest}`, s.offset, s.limit, false);
  const rest = list(`${w.sql} AND NOT (${UNRESOLVED} AND due_date < ?)`, params, newest, Math.max(0, s.offset - nOverdue), s.limit - first.length, total - nOverdue > SORT_LIMIT);
  return { rows: [...first, ...rest], total };
}

/** The dossier desk's reads: the filtered list and the history with the actors' names. */
export class DossierDeskRepo {
  constructor(private readonly db: Db) {}

  search(s: DossierSearch): { rows: Dossier[]; total: number } {
    return searchDossiers(this.db, s);
  }

  /** Every status change of a dossier in order, with the name of the account that made it (if any). */
  history(dossierId: Id): Array<DossierHistoryEntry & { actorName: string | null }> {
    return this.db
      .prepare<[string], HistoryRow & { actor_name: string | null }>(
        `SELECT h.at, h.from_status, h.to_status, h.actor_kind, h.actor_id, h.note, o.full_name AS actor_name
         FROM dossier_history h LEFT JOIN officers o ON o.id = h.actor_id WHERE h.dossier_id = ? ORDER BY h.at, h.id`,
      )
      .all(dossierId)
      .map((r) => ({ ...toHistoryEntry(r), actorName: r.actor_name }));
  }

}
