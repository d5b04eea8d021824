import type { Db } from './db';

/** Remembers the first successful result of a repeatable command, per actor and key. */
export class IdempotencyRepo {
  private readonly getStmt;
  private readonly putStmt;
  private readonly pruneStmt;
  private readonly reduceStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string, string], { command: string; result_json: string }>(
      'SELECT command, result_json FROM idempotency WHERE scope = ? AND key = ?',
    );
    this.putStmt = db.prepare(
      'INSERT INTO idempotency (scope, key, command, result_json, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.pruneStmt = db.prepare('DELETE FROM idempotency WHERE created_at < ?');
    this.reduceStmt = db.prepare(
      `UPDATE idempotency SET result_json = json_set(json_remove(result_json, '$.dossier'),
          '$.dossierCode', json_extract(result_json, '$.dossier.code'), '$.withKey', json('true'))
        WHERE command LIKE 'ticket:issuePickup#%'
          AND (CASE WHEN json_valid(result_json) THEN json_extract(result_json, '$.dossier.code') END) IN (SELECT value FROM json_each(?))`,
    );
  }

  get(scope: string, key: string): { command: string; result: unknown } | null {
    const row = this.getStmt.get(scope, key);
    return row ? { command: row.command, result: JSON.parse(row.result_json) as unknown } : null;
  }

  put(scope: string, key: string, command: string, result: unknown, at: number): void {
    this.putStmt.run(scope, key, command, JSON.stringify(result), at);
  }

  /**
   * Result-pickup records written before they kept only the dossier's code held its public view
   * (masked name, procedure): an erasure reduces those of its dossiers to the code.
   */
  reducePickupRecords(dossierCodes: readonly string[]): number {
    return this.reduceStmt.run(JSON.stringify(dossierCodes)).changes;
  }

  pruneBefore(at: number): number {
    return this.pruneStmt.run(at).changes;
  }
}
