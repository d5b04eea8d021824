import { createHash } from 'node:crypto';
import type { Store } from '@qms/store';

/** Every table of the hub's database (from sqlite_master, so tables added later are included). */
export function tableNames(store: Store): string[] {
  return store.db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

type CountStatement = { get(): unknown };
const countStatements = new WeakMap<Store, { sql: string; stmt: CountStatement }>();

/** Row count per table (one prepared statement per store, rebuilt when a table appears). */
export function rowCounts(store: Store): Record<string, number> {
  const names = tableNames(store);
  const sql = `SELECT ${names.map((t, i) => `(SELECT COUNT(*) FROM ${quote(t)}) AS c${i}`).join(', ')}`;
  let cached = countStatements.get(store);
  if (!cached || cached.sql !== sql) {
    cached = { sql, stmt: store.db.prepare<[], unknown>(sql) };
    countStatements.set(store, cached);
  }
  const row = cached.stmt.get() as Record<string, number>;
  return Object.fromEntries(names.map((t, i) => [t, row[`c${i}`] ?? 0]));
}

/**
 * A digest of every row of every table, so "nothing was stored" covers updates as well as
 * inserts. `ignore` lists `table.column` values left out (e.g. the login failure counter, which
 * a refused password login changes by design).
 */
export function contentDigest(store: Store, ignore: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const t of tableNames(store)) {
    const rows = store.db.prepare(`SELECT * FROM ${quote(t)}`).all() as Array<Record<string, unknown>>;
    const lines = rows
      .map((row) => {
        const kept = Object.entries(row).filter(([col]) => !ignore.includes(`${t}.${col}`));
        return JSON.stringify(kept, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
      })
      .sort();
    hash.update(`#${t}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Every text value in the database, as `table.column: value`, for "does this secret appear anywhere" checks. */
export function allText(store: Store): string[] {
  const out: string[] = [];
  for (const t of tableNames(store)) {
    const rows = store.db.prepare(`SELECT * FROM ${quote(t)}`).all() as Array<Record<string, unknown>>;
    for (const row of rows) {
      for (const [col, v] of Object.entries(row)) {
        if (typeof v === 'string') out.push(`${t}.${col}: ${v}`);
        else if (Buffer.isBuffer(v)) out.push(`${t}.${col}: ${v.toString('latin1')}`);
      }
    }
  }
  return out;
}
