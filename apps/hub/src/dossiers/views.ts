import { isOverdue, maskName, type Dossier } from '@qms/core';
import type { DossierView, PublicDossierView } from '@qms/protocol';
import type { CommandContext } from '../domain/context';
import { lookupKey } from './lookup-key';

/** Staff view: everything, with the procedure name, the tickets it was handled with, and overdue derived. */
export function dossierView(ctx: CommandContext, d: Dossier): DossierView {
  const procedure = ctx.config.procedures().find((p) => p.id === d.procedureId);
  const links = ctx.store.dossiers.forTicketsOf(d.id);
  const origin = d.ticketId ? ctx.store.tickets.byId(d.ticketId) : null;
  return {
    id: d.id,
    code: d.code,
    procedureId: d.procedureId,
    procedureName: procedure?.name ?? d.procedureId,
    fieldId: d.fieldId,
    channel: d.channel,
    ticketId: d.ticketId,
    ticketNumber: origin?.number ?? null,
    applicant: { ...d.applicant },
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    status: d.status,
    resolvedAt: d.resolvedAt,
    returnedAt: d.returnedAt,
    overdue: isOverdue(d, ctx.now, ctx.site.timeZone),
    note: d.note,
    documents: d.documents ?? [],
    links,
    lookupPath: `/d/${encodeURIComponent(d.code)}?k=${lookupKey(ctx, d.code)}`,
  };
}

/**
 * What the citizen sees at the kiosk or on the receipt's QR page. Procedure and masked name only
 * when the receipt's key was presented (`withKey`): a bare code, typed or guessed, shows the
 * status and dates.
 */
export function publicDossierView(ctx: CommandContext, d: Dossier, withKey: boolean): PublicDossierView {
  const procedure = withKey ? ctx.config.procedures().find((p) => p.id === d.procedureId) : undefined;
  return {
    code: d.code,
    procedureName: withKey ? (procedure?.name ?? '') : null,
    status: d.status,
    dueDate: d.dueDate,
    maskedName: withKey ? (d.applicant.fullName ? maskName(d.applicant.fullName) : '') : null,
    receivedAt: d.receivedAt,
    resolvedAt: d.resolvedAt,
    overdue: isOverdue(d, ctx.now, ctx.site.timeZone),
  };
}

/** The broadcast form: no personal data at all. */
export function dossierEventBody(d: Dossier): { id: string; code: string; status: Dossier['status']; fieldId: string; ticketId: string | null; dueDate: string } {
  return { id: d.id, code: d.code, status: d.status, fieldId: d.fieldId, ticketId: d.ticketId, dueDate: d.dueDate };
}
