import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the parent folder when missing (default true). */
  createDir?: boolean;
}

/**
 * Opens the hub database with the pragmas the hub relies on:
 * WAL for concurrent readers, synchronous=FULL so an acknowledged commit survives a power cut,
 * foreign keys on, and a busy timeout for the backup/report readers.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && options.createDir !== false) {
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // deleted and overwritten content is zeroed, so erased personal data does not linger in the file
  db.pragma('secure_delete = ON');
  return db;
}
