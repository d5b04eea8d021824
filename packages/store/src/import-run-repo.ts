import type { Db } from './db';

/**
 * Bulk imports applied in many short transactions, so the hub keeps serving while they run.
 * Every dossier of one import run has the id `<run>-<seq>` (`<run>` = `imp-` + a UUID, `<seq>`
 * five digits), and the run's dossier `<run>-00000` is written last, in the transaction that
 * completes the run. A run with dossiers but without that one was interrupted (a crash, a power
 * cut, a failed chunk): its dossiers are deleted, so an import is stored whole or not at all.
 */
export class ImportRunRepo {
  constructor(private readonly db: Db) {}

  /** Runs that have dossiers but not their completion marker. */
  unfinished(): string[] {
    const next = this.db.prepare<[string], { id: string }>("SELECT id FROM dossiers WHERE id > ? AND id < 'imp.' ORDER BY id LIMIT 1");
    const exists = this.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM dossiers WHERE id = ?');
    const runs: string[] = [];
    for (let after = 'imp-'; ; ) {
      const row = next.get(after);
      if (!row) return runs;
      const run = row.id.slice(0, row.id.lastIndexOf('-'));
      if (!exists.get(completionId(run))) runs.push(run);
      after = `${run}.`;
    }
  }

  /**
   * Deletes up to `limit` dossiers of `run` with their history and ticket links (the report
   * rollups follow by trigger). Returns how many dossiers were deleted; 0 = none left.
   */
  deleteSome(run: string, limit: number): number {
    const ids = this.db
      .prepare<[string, string, number], { id: string }>('SELECT id FROM dossiers WHERE id >= ? AND id < ? LIMIT ?')
      .all(`${run}-`, `${run}.`, limit)
      .map((r) => r.id);
    if (ids.length === 0) return 0;
    const json = JSON.stringify(ids);
    this.db.prepare('DELETE FROM dossier_history WHERE dossier_id IN (SELECT value FROM json_each(?))').run(json);
    this.db.prepare('DELETE FROM ticket_dossiers WHERE dossier_id IN (SELECT value FROM json_each(?))').run(json);
    return this.db.prepare('DELETE FROM dossiers WHERE id IN (SELECT value FROM json_each(?))').run(json).changes;
  }
}

/** Id of the `seq`-th dossier of an import run (0 = the completion marker, written last). */
export function importDossierId(run: string, seq: number): string {
  return `${run}-${String(seq).padStart(5, '0')}`;
}

export const completionId = (run: string): string => importDossierId(run, 0);
