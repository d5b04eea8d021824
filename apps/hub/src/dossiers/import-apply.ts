/**
 * Applies a checked dossier import without holding the event loop: the rows come from the job
 * worker in chunks; each chunk is matched against the stored codes (any case) and written in
 * its own short transaction, with a turn of the event loop between chunks. A row for a stored
 * dossier updates its status and dates (import-merge). All or nothing still holds: the run is a
 * row of import_runs whose completion marker is written last, its new dossiers carry the run's
 * id, and each update is journalled; a run that fails half-way (or is cut by a crash, see
 * `recoverImports`) is undone: updates put back, new dossiers deleted.
 */
import { randomUUID } from 'node:crypto';
import type { Dossier } from '@qms/core';
import { importDossierId, type DossierImportState, type ImportRunCounts, type Store } from '@qms/store';
import type { Logger } from 'pino';
import type { CommandExecutor } from '../commands/executor';
import type { Actor, CommandContext } from '../domain/context';
import { nextTurn } from '../workers/import-gate';
import type { PreparedDossier, RowsRequest } from '../workers/protocol';
import { planRow } from './import-merge';
import { dossierEventBody } from './views';

/** Rows compared per read in a dry run (and journal rows dropped per transaction): ~5-20 ms each. */
export const CHECK_CHUNK = 500;
/** Rows written per transaction (an insert or an update, each with its history row): a few ms on an idle ward PC. */
export const APPLY_CHUNK = 25;
/** Updated dossiers listed in a dry run's answer. */
export const MAX_LISTED_UPDATES = 200;

export interface ApplyDeps {
  store: Store;
  executor: CommandExecutor;
  logger: Logger;
}

type RowSource = (request: RowsRequest) => Promise<PreparedDossier[]>;

export interface ListedUpdate {
  line: number;
  code: string;
  from: DossierImportState;
  to: DossierImportState;
}

export interface ImportPreview extends ImportRunCounts {
  /** The first MAX_LISTED_UPDATES updates by line. */
  updates: ListedUpdate[];
}

/** What applying the rows would do, read chunk by chunk; nothing is written. */
export async function previewRows(store: Store, rowCount: number, rows: RowSource): Promise<ImportPreview> {
  const preview: ImportPreview = { created: 0, updated: 0, unchanged: 0, updates: [] };
  for (let from = 0; from < rowCount; from += CHECK_CHUNK) {
    const chunk = await rows({ from, count: CHECK_CHUNK });
    const stored = store.dossiers.byCodes(chunk.map((r) => r.code));
    for (const r of chunk) {
      const plan = planRow(stored.get(r.code.toUpperCase()), r);
      if (plan.kind === 'new') preview.created += 1;
      else if (plan.kind === 'unchanged') preview.unchanged += 1;
      else {
        preview.updated += 1;
        const code = stored.get(r.code.toUpperCase())?.code ?? r.code;
        if (preview.updates.length < MAX_LISTED_UPDATES) preview.updates.push({ line: r.line, code, from: plan.before, to: plan.state });
      }
    }
    await nextTurn();
  }
  return preview;
}

function insert(ctx: CommandContext, id: string, r: PreparedDossier, state: DossierImportState): void {
  const d: Dossier = {
    id,
    code: r.code,
    procedureId: r.procedureId,
    fieldId: r.fieldId,
    channel: r.channel,
    ticketId: null,
    applicant: { fullName: r.applicantName ?? '', cccd: null, phone: null, birthDate: null, address: null },
    receivedAt: r.receivedAt,
    ...state,
    counterId: null,
    officerId: null,
    note: null,
  };
  ctx.store.dossiers.insert(d, r.receivedDay, null);
  ctx.store.dossiers.addHistory(id, { at: ctx.now, from: null, to: d.status, actorKind: ctx.actor.role, actorId: ctx.actor.id, note: 'nhập từ tệp hồ sơ' });
}

/** Brings a stored dossier up to date: the values before go to the run's journal, with the history row. */
function update(ctx: CommandContext, run: string, stored: Dossier, before: DossierImportState, state: DossierImportState): void {
  ctx.store.dossiers.updateImported({ id: stored.id, ...state });
  const historyId = ctx.store.dossiers.addHistory(stored.id, {
    at: ctx.now, from: before.status, to: state.status, actorKind: ctx.actor.role, actorId: ctx.actor.id, note: 'cập nhật từ tệp hồ sơ',
  });
  ctx.store.importRuns.journal(run, stored.id, before, historyId);
  ctx.emit({ type: 'dossier:changed', action: 'updated', from: before.status, dossier: dossierEventBody({ ...stored, ...state }) }, {});
}

/** One chunk in one transaction: each row inserted, updated or left alone; counts added to `counts`. */
function applyChunk(ctx: CommandContext, run: string, chunk: readonly PreparedDossier[], counts: ImportRunCounts): void {
  const stored = ctx.store.dossiers.byCodes(chunk.map((r) => r.code));
  for (const r of chunk) {
    const d = stored.get(r.code.toUpperCase());
    const plan = planRow(d, r);
    if (plan.kind === 'new') {
      counts.created += 1;
      insert(ctx, importDossierId(run, counts.created), r, plan.state);
    } else if (plan.kind === 'updated' && d) {
      counts.updated += 1;
      update(ctx, run, d, plan.before, plan.state);
    } else counts.unchanged += 1;
  }
}

/**
 * Stores `rowCount` checked rows, chunk by chunk; the run's completion marker and the
 * `dossier:changed` (imported) event go in the last transaction. On any failure the run is
 * undone and the error rethrown.
 */
export async function applyRows(deps: ApplyDeps, actor: Actor, rowCount: number, rows: RowSource): Promise<ImportRunCounts> {
  const run = `imp-${randomUUID()}`;
  const counts: ImportRunCounts = { created: 0, updated: 0, unchanged: 0 };
  try {
    // not fsynced: the last transaction's durable commit flushes them all; a crash before it undoes the run
    deps.store.withoutSync(() => deps.executor.transact(actor, (ctx) => ctx.store.importRuns.start(run, ctx.now, actor.id)));
    for (let from = 0; from < rowCount; from += APPLY_CHUNK) {
      const chunk = await rows({ from, count: APPLY_CHUNK });
      deps.store.withoutSync(() => deps.executor.transact(actor, (ctx) => applyChunk(ctx, run, chunk, counts)));
      await nextTurn();
    }
    deps.executor.transact(actor, (ctx) => {
      ctx.store.importRuns.finish(run, ctx.now, counts);
      ctx.emit({ type: 'dossier:changed', action: 'imported', dossier: null, count: counts.created + counts.updated }, {});
    });
  } catch (e) {
    deps.logger.warn({ err: e, run }, 'dossier import failed while applied; undoing what it stored');
    await undoRun(deps, actor, run);
    throw e;
  }
  // the journal is only needed until the marker is written
  while (deps.store.withoutSync(() => deps.store.transaction(() => deps.store.importRuns.dropJournal(run, CHECK_CHUNK))) > 0) await nextTurn();
  return counts;
}

/** Undoes a run chunk by chunk: its updates put back (each with an event), its new dossiers deleted, its row. */
export async function undoRun(deps: ApplyDeps, actor: Actor, run: string): Promise<void> {
  const restoreChunk = (ctx: CommandContext): number => {
    const restored = ctx.store.importRuns.restoreSome(run, APPLY_CHUNK);
    for (const r of restored) {
      const d = ctx.store.dossiers.byId(r.id);
      if (d) ctx.emit({ type: 'dossier:changed', action: 'updated', from: r.runStatus, dossier: dossierEventBody(d) }, {});
    }
    return restored.length;
  };
  while (deps.executor.transact(actor, restoreChunk) > 0) await nextTurn();
  while (deps.executor.transact(actor, (ctx) => ctx.store.importRuns.deleteSome(run, APPLY_CHUNK)) > 0) await nextTurn();
  deps.executor.transact(actor, (ctx) => ctx.store.importRuns.forget(run));
}

/**
 * At start-up, before anyone connects: undoes the import runs a crash cut short (updates put
 * back, new dossiers deleted) and drops the journal of finished ones.
 */
export function recoverImports(store: Store, logger: Logger): void {
  for (const run of store.importRuns.unfinished()) {
    const { restored, deleted } = store.transaction(() => {
      const back = store.importRuns.restoreSome(run, Number.MAX_SAFE_INTEGER);
      const n = store.importRuns.deleteSome(run, Number.MAX_SAFE_INTEGER);
      store.importRuns.forget(run);
      return { restored: back.length, deleted: n };
    });
    logger.warn({ run, restored, deleted }, 'an interrupted dossier import was undone (all or nothing)');
  }
  for (const run of store.importRuns.withJournal()) store.transaction(() => store.importRuns.dropJournal(run, Number.MAX_SAFE_INTEGER));
}
