import type { DossierStatus } from '@qms/core';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/** What an import run may change of a stored dossier, as it was before (kept to undo the run). */
export interface DossierImportState {
  status: DossierStatus;
  dueDate: string;
  resolvedAt: number | null;
  returnedAt: number | null;
}

export interface ImportRunCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A stored dossier an undone run put back: its state before the run, and the status the run had set. */
export interface RestoredDossier extends DossierImportState {
  id: string;
  runStatus: DossierStatus;
}

/**
 * Bulk dossier imports applied in many short transactions, so the hub keeps serving while they
 * run, yet stored whole or not at all. A run is a row of import_runs (`imp-` + a UUID) whose
 * `finished_at`, written in the run's last transaction, is its completion marker. The dossiers
 * it adds have the id `<run>-<seq>` (five digits); for each stored dossier it updates,
 * import_run_updates keeps the values before and the history row the run added. A run without
 * its marker (it failed, or a crash or power cut stopped it) is undone: updates put back, new
 * dossiers deleted, then its row. A finished run's journal is dropped; its row stays as a record.
 */
export class ImportRunRepo {
  private journalStatement: Statement | null = null;

  constructor(private readonly db: Db) {}

  start(run: string, at: number, actorId: string | null): void {
    this.db.prepare('INSERT INTO import_runs (id, started_at, actor_id) VALUES (?, ?, ?)').run(run, at, actorId);
  }

  /** Records a stored dossier's state before the run changed it, and the history row the run added. */
  journal(run: string, dossierId: string, before: DossierImportState, historyId: number): void {
    this.journalStatement ??= this.db.prepare(`INSERT INTO import_run_updates (run_id, dossier_id, status, due_date, resolved_at, returned_at, history_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.journalStatement.run(run, dossierId, before.status, before.dueDate, before.resolvedAt, before.returnedAt, historyId);
  }

  /** The completion marker: from here on the run stays, whatever happens. */
  finish(run: string, at: number, counts: ImportRunCounts): void {
    this.db
      .prepare('UPDATE import_runs SET finished_at = ?, created = ?, updated = ?, unchanged = ? WHERE id = ?')
      .run(at, counts.created, counts.updated, counts.unchanged, run);
  }

  /** Runs started and never finished. */
  unfinished(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM import_runs WHERE finished_at IS NULL ORDER BY id').all().map((r) => r.id);
  }

  /** Runs finished whose journal is still there (a crash came before it was dropped). */
  withJournal(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        'SELECT r.id FROM import_runs r WHERE r.finished_at IS NOT NULL AND EXISTS (SELECT 1 FROM import_run_updates u WHERE u.run_id = r.id)',
      )
      .all()
      .map((r) => r.id);
  }

  /**
   * Puts back up to `limit` dossiers the run updated (the rollups follow by trigger) and deletes
   * the history rows it added. Returns what was put back; empty = nothing left.
   */
  restoreSome(run: string, limit: number): RestoredDossier[] {
    const rows = this.db
      .prepare<[string, number], { dossier_id: string; status: string; due_date: string; resolved_at: number | null; returned_at: number | null; history_id: number; now: string }>(
        `SELECT u.*, d.status AS now FROM import_run_updates u JOIN dossiers d ON d.id = u.dossier_id WHERE u.run_id = ? LIMIT ?`,
      )
      .all(run, limit);
    const restore = this.db.prepare('UPDATE dossiers SET status = ?, due_date = ?, resolved_at = ?, returned_at = ? WHERE id = ?');
    const forget = this.db.prepare('DELETE FROM dossier_history WHERE id = ?');
    const done = this.db.prepare('DELETE FROM import_run_updates WHERE run_id = ? AND dossier_id = ?');
    return rows.map((r) => {
      restore.run(r.status, r.due_date, r.resolved_at, r.returned_at, r.dossier_id);
      forget.run(r.history_id);
      done.run(run, r.dossier_id);
      const state = { status: r.status as DossierStatus, dueDate: r.due_date, resolvedAt: r.resolved_at, returnedAt: r.returned_at };
      return { id: r.dossier_id, ...state, runStatus: r.now as DossierStatus };
    });
  }

  /**
   * Deletes up to `limit` dossiers the run added, with their history and ticket links (the
   * report rollups follow by trigger). Returns how many were deleted; 0 = none left.
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

  /** Drops up to `limit` journal rows of a finished run; returns how many (0 = none left). */
  dropJournal(run: string, limit: number): number {
    return this.db
      .prepare('DELETE FROM import_run_updates WHERE run_id = ? AND dossier_id IN (SELECT dossier_id FROM import_run_updates WHERE run_id = ? LIMIT ?)')
      .run(run, run, limit).changes;
  }

  /** The row of a run once it is undone. */
  forget(run: string): void {
    this.db.prepare('DELETE FROM import_runs WHERE id = ? AND finished_at IS NULL').run(run);
  }
}

/** Id of the `seq`-th dossier an import run adds (1-based). */
export function importDossierId(run: string, seq: number): string {
  return `${run}-${String(seq).padStart(5, '0')}`;
}
