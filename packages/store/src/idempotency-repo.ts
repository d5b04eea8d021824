import type { Db } from './db';

/** Remembers the first successful result of a repeatable command, per actor and key. */
export class IdempotencyRepo {
  private readonly getStmt;
  private readonly putStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string, string], { command: string; result_json: string }>(
      'SELECT command, result_json FROM idempotency WHERE scope = ? AND key = ?',
    );
    this.putStmt = db.prepare(
      'INSERT INTO idempotency (scope, key, command, result_json, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.pruneStmt = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
  }

  get(scope: string, key: string): { command: string; result: unknown } | null {
    const row = this.getStmt.get(scope, key);
    return row ? { command: row.command, result: JSON.parse(row.result_json) as unknown } : null;
  }

  put(scope: string, key: string, command: string, result: unknown, at: number): void {
    this.putStmt.run(scope, key, command, JSON.stringify(result), at);
  }

  pruneBefore(at: number): number {
    return this.pruneStmt.run(at).changes;
  }
}
