/**
 * The dossier desk ("Sổ theo dõi hồ sơ"): officers and admins list, open and move any dossier,
 * with no ticket in hand, e.g. a result that arrives days after the visit.
 */
import { DomainError, isOverdue, localDateTime, type Dossier, type DossierStatus, type EpochMs, type Id } from '@qms/core';
import type { CommandInput, DossierListItem, DossierPage, DossierView, DossierWithHistory } from '@qms/protocol';
import type { DossierFilter } from '@qms/store';
import type { CommandContext } from '../domain/context';
import { setDossierStatus } from './commands';
import { dossierView } from './views';

/** The instant a local day starts in `timeZone` (the offset read at that day's UTC midnight). */
export function startOfLocalDay(day: string, timeZone: string): EpochMs {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  const l = localDateTime(utcMidnight, timeZone);
  const offset = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - utcMidnight;
  return utcMidnight - offset;
}

/** `YYYY-MM-DD` + n calendar days. */
function plusDays(day: string, n: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function filterOf(ctx: CommandContext, input: CommandInput<'dossier:search'>): DossierFilter {
  const tz = ctx.site.timeZone;
  return {
    code: input.code,
    applicant: input.applicant,
    procedureId: input.procedureId,
    statuses: input.statuses,
    receivedFrom: input.receivedFrom === undefined ? undefined : startOfLocalDay(input.receivedFrom, tz),
    receivedBefore: input.receivedTo === undefined ? undefined : startOfLocalDay(plusDays(input.receivedTo, 1), tz),
    due: input.dueWithinDays === undefined ? undefined : { from: ctx.day, to: plusDays(ctx.day, input.dueWithinDays) },
    overdueBefore: input.overdue ? ctx.day : undefined,
  };
}

function listItem(ctx: CommandContext, d: Dossier, procedureNames: ReadonlyMap<Id, string>): DossierListItem {
  return {
    id: d.id,
    code: d.code,
    procedureId: d.procedureId,
    procedureName: procedureNames.get(d.procedureId) ?? d.procedureId,
    fieldId: d.fieldId,
    channel: d.channel,
    applicantName: d.applicant.fullName,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    status: d.status,
    resolvedAt: d.resolvedAt,
    returnedAt: d.returnedAt,
    overdue: isOverdue(d, ctx.now, ctx.site.timeZone),
  };
}

/** `dossier:search`: one page of the list, newest first or overdue first, and the number of matches. */
export function searchDossiers(ctx: CommandContext, input: CommandInput<'dossier:search'>): DossierPage {
  const { rows, total } = ctx.store.dossierDesk.search({
    filter: filterOf(ctx, input),
    sort: input.sort,
    today: ctx.day,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize,
  });
  const names = new Map(ctx.config.procedures().map((p) => [p.id, p.name]));
  return { items: rows.map((d) => listItem(ctx, d, names)), page: input.page, pageSize: input.pageSize, total, asOfDay: ctx.day };
}

/** `dossier:history`: the dossier (full, as the dossier panel shows it) and every status change, who and when. */
export function dossierHistory(ctx: CommandContext, input: { dossierId: Id }): DossierWithHistory {
  const d = ctx.store.dossiers.byId(input.dossierId);
  if (!d) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ', { dossierId: input.dossierId });
  return { dossier: dossierView(ctx, d), history: ctx.store.dossierDesk.history(d.id) };
}

/** `dossier:changeStatus`: the desk's move of any dossier, recorded with who, when and the note. */
export function changeDossierStatus(
  ctx: CommandContext,
  input: { dossierId: Id; status: DossierStatus; note?: string | undefined },
): DossierView {
  return setDossierStatus(ctx, { dossierId: input.dossierId, status: input.status, note: input.note || undefined });
}
