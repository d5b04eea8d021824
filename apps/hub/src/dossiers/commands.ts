import {
  DOSSIER_STATUS_LABELS,
  DomainError,
  changeDossierStatus,
  dueDateFor,
  formatDossierCode,
  isValidCccd,
  type Dossier,
  type DossierStatus,
  type Id,
  type ReceivedDocument,
} from '@qms/core';
import { isStaffRole, type DossierView, type PickupResult, type PublicDossierView } from '@qms/protocol';
import type { CommandContext } from '../domain/context';
import { counterForActor, issueTicket, startIfCalled } from '../domain/ticket-commands';
import { checkLookupKey } from './lookup-key';
import { dossierEventBody, dossierView, publicDossierView } from './views';

interface ApplicantInput {
  fullName: string;
  cccd: string | null;
  phone: string | null;
  birthDate: string | null;
  address: string | null;
}

function dossierByCode(ctx: CommandContext, code: string): Dossier {
  const d = ctx.store.dossiers.byCode(code.trim().toUpperCase()) ?? ctx.store.dossiers.byCode(code.trim());
  if (!d) throw new DomainError('NOT_FOUND', `Không tìm thấy hồ sơ ${code.trim().slice(0, 60)}`, { code });
  return d;
}

/** The ticket an officer is handling now at a counter they hold (admins: any of today's tickets). */
function ticketInHand(ctx: CommandContext, ticketId: Id) {
  const t = ctx.ticket(ticketId);
  if (ctx.actor.role !== 'admin') {
    if (!t.counterId || (t.status !== 'called' && t.status !== 'serving')) {
      throw new DomainError('FORBIDDEN', `Vé ${t.number} không đang được phục vụ tại quầy của bạn`, { ticketId });
    }
    counterForActor(ctx, t.counterId);
  }
  return t;
}

function record(ctx: CommandContext, d: Dossier, from: DossierStatus | null, note: string | null): void {
  ctx.store.dossiers.addHistory(d.id, { at: ctx.now, from, to: d.status, actorKind: ctx.actor.role, actorId: ctx.actor.id, note });
}

/**
 * The next daily sequence of this hub's codes that no stored dossier holds: after the last one
 * the hub gave today, skipping codes an import brought into the same code space (any case).
 */
function nextFreeCodeSeq(ctx: CommandContext): number {
  const prefix = formatDossierCode(ctx.site.agencyCode, ctx.day, 1).slice(0, -4);
  const taken = ctx.store.dossiers.takenCodeSeqs(prefix);
  let seq = (ctx.store.dossiers.lastCodeSeq(ctx.day) ?? 0) + 1;
  while (taken.has(seq)) seq += 1;
  return seq;
}

/** "Tiếp nhận hồ sơ": a new dossier from the ticket being served, coded and due-dated. */
export function createDossier(
  ctx: CommandContext,
  input: { ticketId?: Id | undefined; procedureId: Id; applicant: ApplicantInput; note?: string | undefined; documents?: ReceivedDocument[] | undefined },
): DossierView {
  const ticket = input.ticketId ? ticketInHand(ctx, input.ticketId) : null;
  const note = input.note ?? null;
  const procedure = ctx.config.procedures().find((p) => p.id === input.procedureId && p.enabled);
  if (!procedure) throw new DomainError('NOT_FOUND', 'Không có thủ tục này trong danh mục', { procedureId: input.procedureId });
  if (input.applicant.cccd !== null && !isValidCccd(input.applicant.cccd)) {
    throw new DomainError('VALIDATION_FAILED', 'Số CCCD không hợp lệ (12 chữ số, mã tỉnh đúng)', { field: 'cccd' });
  }
  const seq = nextFreeCodeSeq(ctx);
  const dossier: Dossier = {
    id: crypto.randomUUID(),
    code: formatDossierCode(ctx.site.agencyCode, ctx.day, seq),
    procedureId: procedure.id,
    fieldId: procedure.fieldId,
    channel: 'counter',
    ticketId: ticket?.id ?? null,
    applicant: { ...input.applicant, fullName: input.applicant.fullName.normalize('NFC') },
    receivedAt: ctx.now,
    dueDate: dueDateFor(ctx.now, procedure.processingDays, ctx.config.calendar(), ctx.site.timeZone, procedure.cutoffTime ?? null),
    status: 'processing',
    resolvedAt: null,
    returnedAt: null,
    counterId: ticket?.counterId ?? null,
    officerId: isStaffRole(ctx.actor.role) ? ctx.actor.id : null,
    note,
    ...(input.documents && input.documents.length > 0 ? { documents: input.documents } : {}),
  };
  ctx.store.dossiers.insert(dossier, ctx.day, seq);
  record(ctx, dossier, null, note);
  if (ticket) {
    startIfCalled(ctx, ticket);
    ctx.store.dossiers.link(ticket.id, dossier.id, 'reception', ctx.now);
  }
  ctx.emit({ type: 'dossier:changed', action: 'created', dossier: dossierEventBody(dossier) }, { ticketId: ticket?.id ?? null });
  return dossierView(ctx, dossier);
}

/** Links an existing dossier (a supplement visit, an online one, a pickup) to the ticket in hand. */
export function linkDossier(ctx: CommandContext, input: { ticketId: Id; code: string }): DossierView {
  const ticket = ticketInHand(ctx, input.ticketId);
  const d = dossierByCode(ctx, input.code);
  const kind = ticket.fieldId === ctx.config.pickupFieldId() ? 'pickup' : 'visit';
  startIfCalled(ctx, ticket);
  ctx.store.dossiers.link(ticket.id, d.id, kind, ctx.now);
  ctx.emit({ type: 'dossier:changed', action: 'linked', dossier: dossierEventBody(d) }, { ticketId: ticket.id });
  return dossierView(ctx, d);
}

export function setDossierStatus(
  ctx: CommandContext,
  input: { dossierId: Id; status: DossierStatus; note?: string | undefined },
): DossierView {
  const d = ctx.store.dossiers.byId(input.dossierId);
  if (!d) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ', { dossierId: input.dossierId });
  const next = changeDossierStatus(d, input.status, ctx.now);
  ctx.store.dossiers.updateStatus(next);
  record(ctx, next, d.status, input.note ?? null);
  ctx.emit({ type: 'dossier:changed', action: 'status', dossier: dossierEventBody(next) }, {});
  return dossierView(ctx, next);
}

/** The receipt's checklist: the documents received with a dossier, saved before it is printed. */
export function setDossierDocuments(ctx: CommandContext, input: { dossierId: Id; documents: ReceivedDocument[] }): DossierView {
  const d = ctx.store.dossiers.byId(input.dossierId);
  if (!d) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ', { dossierId: input.dossierId });
  ctx.store.dossiers.setDocuments(d.id, input.documents);
  const next: Dossier = { ...d, documents: input.documents };
  ctx.emit({ type: 'dossier:changed', action: 'documents', dossier: dossierEventBody(next) }, {});
  return dossierView(ctx, next);
}

/** The staff view of a dossier by id (a retried dossier:create answers with it). */
export function dossierAnswer(ctx: CommandContext, dossierId: Id): DossierView {
  const d = ctx.store.dossiers.byId(dossierId);
  if (!d) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ', { dossierId });
  return dossierView(ctx, d);
}

export function getDossier(ctx: CommandContext, input: { code: string }): DossierView {
  return dossierView(ctx, dossierByCode(ctx, input.code));
}

export function dossiersForTicket(ctx: CommandContext, input: { ticketId: Id }): DossierView[] {
  ctx.ticket(input.ticketId);
  return ctx.store.dossiers.forTicket(input.ticketId).map((d) => dossierView(ctx, d));
}

/**
 * A dossier a kiosk asks for by code: every look-up counts against the kiosk's limit, and one
 * without the receipt's key (or for an unknown code) against the tighter limit for bare codes.
 */
function kioskDossier(ctx: CommandContext, code: string, key: string | undefined): { d: Dossier; withKey: boolean } {
  const kiosk = ctx.actor.deviceId ?? ctx.actor.id;
  const throttle = ctx.runtime.kioskLookups;
  throttle.lookup(kiosk, ctx.now);
  const d = ctx.store.dossiers.byCode(code.trim().toUpperCase()) ?? ctx.store.dossiers.byCode(code.trim());
  const withKey = d !== null && key !== undefined && checkLookupKey(ctx.store, d.code, key);
  if (!withKey) throttle.unverifiedLookup(kiosk, ctx.now);
  if (!d) throw new DomainError('NOT_FOUND', `Không tìm thấy hồ sơ ${code.trim().slice(0, 60)}`, { code });
  return { d, withKey };
}

/** The kiosk's look-up: status and dates; procedure and masked name only with the receipt's key. */
export function lookupDossier(ctx: CommandContext, input: { code: string; key?: string | undefined }): PublicDossierView {
  const { d, withKey } = kioskDossier(ctx, input.code, input.key);
  return publicDossierView(ctx, d, withKey);
}

/** "Nhận kết quả" at the kiosk: a result-pickup ticket linked to a dossier whose result is ready. */
export function issuePickup(ctx: CommandContext, input: { code: string; key?: string | undefined }): PickupResult {
  const { d, withKey } = kioskDossier(ctx, input.code, input.key); // its refusals tell whether a code exists and its status
  if (d.status !== 'result_ready') {
    throw new DomainError('CONFLICT', `Hồ sơ ${d.code} chưa có kết quả để nhận (${DOSSIER_STATUS_LABELS.vi[d.status]})`, {
      status: d.status,
    });
  }
  const fieldId = ctx.config.pickupFieldId();
  if (!fieldId) throw new DomainError('FIELD_DISABLED', 'Điểm phục vụ chưa cấu hình lĩnh vực trả kết quả');
  const issued = issueTicket(ctx, { fieldId, priorityGroup: null });
  ctx.store.dossiers.link(issued.ticket.id, d.id, 'pickup', ctx.now);
  ctx.emit({ type: 'dossier:changed', action: 'linked', dossier: dossierEventBody(d) }, { ticketId: issued.ticket.id });
  return { ...issued, dossier: publicDossierView(ctx, d, withKey) };
}

/**
 * A retried result-pickup request answers with the dossier as it is now (an erased name is not
 * replayed). Its idempotency record keeps the ticket part and the dossier's code only.
 */
export function pickupAnswer(ctx: CommandContext, saved: SavedPickup | PickupResult): PickupResult {
  // a record written before this form kept the whole answer: use its code only
  if ('dossier' in saved) return pickupAnswer(ctx, { ...savedPickup(saved), withKey: true });
  const { dossierCode, withKey, ...issued } = saved;
  const d = ctx.store.dossiers.byCode(dossierCode);
  if (!d) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ', { code: dossierCode });
  return { ...issued, dossier: publicDossierView(ctx, d, withKey) };
}

export type SavedPickup = Omit<PickupResult, 'dossier'> & { dossierCode: string; withKey: boolean };

export function savedPickup(result: PickupResult): SavedPickup {
  const { dossier, ...issued } = result;
  // a view made with the key always has a procedure name (a string, possibly empty)
  return { ...issued, dossierCode: dossier.code, withKey: dossier.procedureName !== null };
}
