/**
 * Applies a checked dossier import without holding the event loop: the rows come from the job
 * worker in chunks; each chunk is checked against the stored codes, then inserted, in its own
 * short transaction, with a turn of the event loop between chunks. All or nothing still holds:
 * the run's ids mark its dossiers, the completion marker is written last with the event, and a
 * run that fails half-way (or is cut by a crash, see `recoverImports`) is deleted again.
 */
import { randomUUID } from 'node:crypto';
import type { Dossier } from '@qms/core';
import { importDossierId, type Store } from '@qms/store';
import type { Logger } from 'pino';
import type { CommandExecutor } from '../commands/executor';
import type { Actor, CommandContext } from '../domain/context';
import { nextTurn } from '../workers/import-gate';
import type { PreparedDossier, RowsRequest } from '../workers/protocol';
import type { ApplyIssue } from './prepare-import';

/** Codes looked up per query in the duplicate check. */
export const CHECK_CHUNK = 2000;
/** Dossiers (each with its history row) inserted per transaction: 1-3 ms each on an idle ward PC. */
export const APPLY_CHUNK = 25;

export interface ApplyDeps {
  store: Store;
  executor: CommandExecutor;
  logger: Logger;
}

type RowSource = (request: RowsRequest) => Promise<PreparedDossier[]>;

/** DUPLICATE_IN_DB for every row whose code is already stored (read-only, chunk by chunk). */
export async function findStoredCodes(store: Store, rowCount: number, rows: RowSource): Promise<ApplyIssue[]> {
  const issues: ApplyIssue[] = [];
  for (let from = 0; from < rowCount; from += CHECK_CHUNK) {
    const chunk = await rows({ from, count: CHECK_CHUNK });
    const existing = store.dossiers.existingCodes(chunk.map((r) => r.code));
    for (const r of chunk) {
      if (existing.has(r.code)) {
        issues.push({ line: r.line, column: 'code', code: 'DUPLICATE_IN_DB', message: `Dòng ${r.line}: hồ sơ ${r.code} đã có trong hệ thống` });
      }
    }
    await nextTurn();
  }
  return issues;
}

function insert(ctx: CommandContext, id: string, r: PreparedDossier): void {
  const d: Dossier = {
    id,
    code: r.code,
    procedureId: r.procedureId,
    fieldId: r.fieldId,
    channel: 'online',
    ticketId: null,
    applicant: { fullName: r.applicantName ?? '', cccd: null, phone: null, birthDate: null, address: null },
    receivedAt: r.receivedAt,
    dueDate: r.dueDate,
    status: r.status,
    resolvedAt: r.resolvedAt,
    returnedAt: r.returnedAt,
    counterId: null,
    officerId: null,
    note: null,
  };
  ctx.store.dossiers.insert(d, r.receivedDay, null);
  ctx.store.dossiers.addHistory(id, { at: ctx.now, from: null, to: d.status, actorKind: ctx.actor.role, actorId: ctx.actor.id, note: 'nhập từ cổng dịch vụ công' });
}

/** Deletes what a run stored so far, chunk by chunk. */
export async function undoRun(deps: ApplyDeps, actor: Actor, run: string): Promise<void> {
  while (deps.executor.transact(actor, (ctx) => ctx.store.importRuns.deleteSome(run, APPLY_CHUNK)) > 0) await nextTurn();
}

/**
 * Inserts `rowCount` checked rows as online dossiers, chunk by chunk; the completion marker (row
 * 0) and the `dossier:changed` event go in the last transaction. On any failure what was stored
 * is deleted again and the error is rethrown.
 */
export async function insertRows(deps: ApplyDeps, actor: Actor, rowCount: number, rows: RowSource): Promise<number> {
  if (rowCount === 0) return 0;
  const run = `imp-${randomUUID()}`;
  try {
    for (let from = 1; from < rowCount; from += APPLY_CHUNK) {
      const chunk = await rows({ from, count: APPLY_CHUNK });
      // not fsynced: the last chunk's durable commit flushes them all; a crash before it undoes the run
      deps.store.withoutSync(() => deps.executor.transact(actor, (ctx) => chunk.forEach((r, i) => insert(ctx, importDossierId(run, from + i), r))));
      await nextTurn();
    }
    const [first] = await rows({ from: 0, count: 1 });
    if (!first) throw new Error('import job gave no first row');
    deps.executor.transact(actor, (ctx) => {
      insert(ctx, importDossierId(run, 0), first);
      ctx.emit({ type: 'dossier:changed', action: 'imported', dossier: null, count: rowCount }, {});
    });
    return rowCount;
  } catch (e) {
    deps.logger.warn({ err: e, run }, 'dossier import failed while applied; removing what it stored');
    await undoRun(deps, actor, run);
    throw e;
  }
}

/** At start-up: deletes the dossiers of import runs a crash cut short (before anyone connects). */
export function recoverImports(store: Store, logger: Logger): void {
  for (const run of store.importRuns.unfinished()) {
    const deleted = store.transaction(() => store.importRuns.deleteSome(run, Number.MAX_SAFE_INTEGER));
    logger.warn({ run, deleted }, 'an interrupted dossier import was removed (all or nothing)');
  }
}
