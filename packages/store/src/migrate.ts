import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The folder of `NNNN_name.sql` files, found through the package itself so it is the same
 * whether the store runs from source or bundled into the hub.
 */
export const MIGRATIONS_DIR = join(dirname(createRequire(import.meta.url).resolve('@qms/store/package.json')), 'migrations');

/** Loads `NNNN_name.sql` files in version order; versions must be 1..N without gaps. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const migrations = files.map((file) => ({
    version: Number(file.slice(0, 4)),
    name: file.slice(5, -4),
    sql: readFileSync(join(dir, file), 'utf8'),
  }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version} out of order (expected ${i + 1})`);
  });
  return migrations;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction together with the bump of
 * `user_version`, up to `target` (default: all). Returns the versions applied.
 */
export function migrate(db: Db, target?: number, migrations: Migration[] = loadMigrations()): number[] {
  const current = schemaVersion(db);
  const last = target ?? migrations.length;
  if (current > migrations.length) {
    throw new Error(`database schema ${current} is newer than this hub (${migrations.length}); upgrade the hub`);
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > last) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
