import {
  DomainError,
  callTicket,
  estimateWaitMinutes,
  isOpenAt,
  cancelTicket,
  finishTicket,
  formatTicketNumber,
  issuedTicket,
  markNoShow,
  nextConsecutivePriorityCalls,
  nextSequence,
  recallTicket,
  selectNextTicket,
  startServing,
  transferTicket,
  type Counter,
  type Id,
  type PriorityGroup,
  type Ticket,
} from '@qms/core';
import { isStaffRole, type CallResult, type IssueTicketResult, type TicketView } from '@qms/protocol';
import type { CommandContext } from './context';
import { fieldAverageServiceMs } from './stats';
import { ticketStatusUrl, ticketView } from './views';

type ChangeAction = 'start' | 'finish' | 'no_show' | 'transfer' | 'cancel';

function officerIdOf(ctx: CommandContext): Id | null {
  return isStaffRole(ctx.actor.role) ? ctx.actor.id : null;
}

/** Staff may act on a counter only while they hold it; admins may act on any. */
export function counterForActor(ctx: CommandContext, counterId: Id): Counter {
  const c = ctx.counter(counterId);
  if (ctx.actor.role !== 'admin' && c.officerId !== ctx.actor.id) {
    throw new DomainError('FORBIDDEN', `Quầy ${c.number} không do bạn phụ trách; hãy mở quầy trước`, { counterId });
  }
  return c;
}

function ticketAtActorCounter(ctx: CommandContext, ticketId: Id): { ticket: Ticket; counter: Counter | null } {
  const ticket = ctx.ticket(ticketId);
  if (ticket.counterId === null) return { ticket, counter: null };
  return { ticket, counter: counterForActor(ctx, ticket.counterId) };
}

function emitChange(ctx: CommandContext, action: ChangeAction, t: Ticket, fieldIds: Id[]): TicketView {
  const view = ticketView(t);
  ctx.emit({ type: 'ticket:changed', action, ticket: view, stats: ctx.stats(fieldIds) }, {
    ticketId: t.id,
    counterId: t.counterId,
  });
  return view;
}

const DEFAULT_TICKETS_PER_MINUTE = 10;

/** Opening hours and the anti-hoarding limit, for tickets taken at a kiosk. */
function checkKioskMayIssue(ctx: CommandContext): void {
  if (!ctx.runtime.enforceHours) return checkKioskRate(ctx);
  const holiday = ctx.config.calendar().kioskClosedFor(ctx.day);
  if (holiday !== null) {
    throw new DomainError('SITE_CLOSED', `Hôm nay nghỉ lễ (${holiday}), ki-ốt tạm ngừng cấp số`, { holiday });
  }
  if (!isOpenAt(ctx.site, ctx.now)) {
    throw new DomainError('SITE_CLOSED', 'Ngoài giờ làm việc, ki-ốt tạm ngừng cấp số');
  }
  checkKioskRate(ctx);
}

/** The anti-hoarding limit: tickets a kiosk may issue per minute. */
function checkKioskRate(ctx: CommandContext): void {
  const setting = Number(ctx.config.device(ctx.actor.id)?.settings.maxTicketsPerMinute);
  const limit = Number.isInteger(setting) && setting > 0 ? setting : DEFAULT_TICKETS_PER_MINUTE;
  if (ctx.store.tickets.countIssuedBy(ctx.actor.id, ctx.now - 60_000) >= limit) {
    throw new DomainError(
      'RATE_LIMITED',
      'Ki-ốt vừa cấp nhiều số liên tiếp. Mời Ông/Bà chờ một phút rồi lấy số, hoặc nhờ cán bộ hướng dẫn hỗ trợ.',
      { limitPerMinute: limit },
    );
  }
}

export function issueTicket(
  ctx: CommandContext,
  input: { fieldId: Id; priorityGroup: PriorityGroup | null },
): IssueTicketResult {
  const field = ctx.field(input.fieldId);
  if (!field.enabled) throw new DomainError('FIELD_DISABLED', `Lĩnh vực ${field.nameVi} đang tạm ngừng`, { fieldId: field.id });
  if (input.priorityGroup !== null && !ctx.site.priority.enabledGroups.includes(input.priorityGroup)) {
    throw new DomainError('VALIDATION_FAILED', 'Nhóm ưu tiên này không áp dụng tại điểm phục vụ', {
      priorityGroup: input.priorityGroup,
    });
  }
  if (ctx.actor.role === 'kiosk') checkKioskMayIssue(ctx);
  const seq = nextSequence(field.numberFormat, ctx.store.tickets.lastSeq(ctx.day, field.id));
  const ticket = issuedTicket({
    id: crypto.randomUUID(),
    serviceDay: ctx.day,
    fieldId: field.id,
    seq,
    number: formatTicketNumber(field.numberFormat, seq),
    priorityGroup: input.priorityGroup,
    issuedAt: ctx.now,
    source: ctx.actor.role === 'kiosk' ? 'kiosk' : 'counter',
    issuedBy: ctx.actor.id,
  });
  ctx.store.tickets.insert(ticket);
  const stats = ctx.stats([field.id]);
  const view = ticketView(ticket);
  ctx.emit({ type: 'ticket:issued', ticket: view, stats }, { ticketId: ticket.id });
  const serving = ctx.counters().filter((c) => c.enabled && c.fieldIds.includes(field.id));
  const peopleAhead = ctx.store.tickets.countAhead(ticket, ctx.site.priority);
  return {
    ticket: view,
    peopleAhead,
    estimatedWaitMinutes: estimateWaitMinutes({
      peopleAhead,
      openCounters: stats[0]?.openCounters ?? 0,
      avgServiceMs: fieldAverageServiceMs(ctx.store, field),
    }),
    counterNumbers: serving.map((c) => c.number),
    fieldNameVi: field.nameVi,
    fieldNameEn: field.nameEn,
    statusUrl: ticketStatusUrl(ctx.runtime.phoneLinkBase, ticket.id),
  };
}

/**
 * Closes what the counter holds before the next call: a ticket being served is done; a ticket
 * called but never started (the citizen did not come to the desk) is a no-show, not a service of
 * 0 minutes, and can be called back by number like any no-show (docs/reports.md).
 */
function finishCurrent(ctx: CommandContext, counter: Counter): void {
  for (const t of ctx.atCounter(counter.id)) {
    const closed = t.status === 'called' ? markNoShow(t, { at: ctx.now }) : finishTicket(t, { at: ctx.now });
    ctx.store.tickets.update(closed);
    emitChange(ctx, closed.status === 'no_show' ? 'no_show' : 'finish', closed, [closed.fieldId]);
  }
}

function announceCall(ctx: CommandContext, called: Ticket, counter: Counter, recall: boolean): CallResult {
  const view = ticketView(called);
  ctx.emit(
    { type: 'ticket:called', ticket: view, counterNumber: counter.number, recall, stats: ctx.stats([called.fieldId]) },
    { ticketId: called.id, counterId: counter.id },
  );
  return { ticket: view, counterNumber: counter.number };
}

export function callNext(ctx: CommandContext, input: { counterId: Id }): CallResult {
  const counter = counterForActor(ctx, input.counterId);
  if (counter.status !== 'open') {
    throw new DomainError('COUNTER_CLOSED', `Quầy ${counter.number} đang tạm nghỉ hoặc đóng; hãy mở quầy`, {
      counterId: counter.id,
    });
  }
  finishCurrent(ctx, counter);
  // the best ticket of each class, found by SQL; the core policy chooses between them
  const groups = ctx.site.priority.enabledGroups;
  const candidates = [true, false].flatMap((priority) => {
    const t = ctx.store.tickets.bestWaiting(ctx.day, counter.id, counter.fieldIds, groups, priority);
    return t ? [t] : [];
  });
  const pick = selectNextTicket({ counter, waiting: candidates, policy: ctx.site.priority });
  if (pick === null) return { ticket: null, counterNumber: counter.number };
  const called = callTicket(pick.ticket, { counterId: counter.id, officerId: officerIdOf(ctx), at: ctx.now });
  ctx.store.tickets.update(called);
  const consecutive = nextConsecutivePriorityCalls(counter.consecutivePriorityCalls, pick.priority);
  ctx.saveCounter({ ...counter, consecutivePriorityCalls: consecutive });
  return announceCall(ctx, called, counter, false);
}

/** "Gọi số cụ thể": call a waiting ticket (or a no-show who came back) out of turn. */
/** Today's waiting or no-show ticket with this number; one in the counter's own fields first. */
function ticketByNumber(ctx: CommandContext, counter: Counter, number: string): Ticket {
  const found = ctx.store.tickets.byNumber(ctx.day, number).filter((t) => t.status === 'waiting' || t.status === 'no_show');
  const mine = found.find((t) => counter.fieldIds.includes(t.fieldId));
  const t = mine ?? found[0];
  if (!t) throw new DomainError('NOT_FOUND', `Không có số ${number} đang chờ hoặc vắng mặt hôm nay`, { number });
  return t;
}

export function callSpecific(
  ctx: CommandContext,
  input: { counterId: Id; ticketId?: Id | undefined; number?: string | undefined },
): CallResult {
  const counter = counterForActor(ctx, input.counterId);
  if (counter.status !== 'open') {
    throw new DomainError('COUNTER_CLOSED', `Quầy ${counter.number} đang tạm nghỉ hoặc đóng`, { counterId: counter.id });
  }
  const ticket = input.ticketId !== undefined ? ctx.ticket(input.ticketId) : ticketByNumber(ctx, counter, input.number ?? '');
  if (ticket.targetCounterId !== null && ticket.targetCounterId !== counter.id) {
    const target = ctx.counters().find((c) => c.id === ticket.targetCounterId);
    throw new DomainError('FORBIDDEN', `Vé ${ticket.number} đã được chuyển cho quầy ${target?.number ?? '?'}`, {
      ticketId: ticket.id,
    });
  }
  const called = callTicket(ticket, { counterId: counter.id, officerId: officerIdOf(ctx), at: ctx.now });
  finishCurrent(ctx, counter);
  ctx.store.tickets.update(called);
  return announceCall(ctx, called, counter, false);
}

export function recall(ctx: CommandContext, input: { ticketId: Id }): CallResult {
  const { ticket, counter } = ticketAtActorCounter(ctx, input.ticketId);
  const recalled = recallTicket(ticket, { at: ctx.now });
  if (!counter) throw new DomainError('INTERNAL', 'called ticket without a counter');
  ctx.store.tickets.update(recalled);
  return announceCall(ctx, recalled, counter, true);
}

const SIMPLE_CHANGES = {
  start: startServing,
  finish: finishTicket,
  no_show: markNoShow,
  cancel: cancelTicket,
} as const;

/**
 * Receiving or linking a dossier for a ticket that was called but not started means the citizen
 * is at the desk: the service starts now, as if "Bắt đầu" had been pressed (same change, same
 * event), so "Gọi tiếp" counts it served, not a no-show (docs/reports.md). Other states are left as
 * they are.
 */
export function startIfCalled(ctx: CommandContext, ticket: Ticket): Ticket {
  if (ticket.status !== 'called') return ticket;
  const started = startServing(ticket, { at: ctx.now });
  ctx.store.tickets.update(started);
  emitChange(ctx, 'start', started, [started.fieldId]);
  return started;
}

export function changeTicket(
  ctx: CommandContext,
  action: keyof typeof SIMPLE_CHANGES,
  input: { ticketId: Id },
): TicketView {
  const { ticket } = ticketAtActorCounter(ctx, input.ticketId);
  const next = SIMPLE_CHANGES[action](ticket, { at: ctx.now });
  ctx.store.tickets.update(next);
  return emitChange(ctx, action, next, [next.fieldId]);
}

export function transfer(
  ctx: CommandContext,
  input: { ticketId: Id; toFieldId?: Id | undefined; toCounterId?: Id | undefined; note?: string | undefined },
): TicketView {
  const { ticket } = ticketAtActorCounter(ctx, input.ticketId);
  if (input.toFieldId !== undefined) {
    const f = ctx.field(input.toFieldId);
    if (!f.enabled) throw new DomainError('FIELD_DISABLED', `Lĩnh vực ${f.nameVi} đang tạm ngừng`, { fieldId: f.id });
  }
  if (input.toCounterId !== undefined) ctx.counter(input.toCounterId);
  const moved = transferTicket(ticket, {
    ...(input.toFieldId !== undefined ? { toFieldId: input.toFieldId } : {}),
    ...(input.toCounterId !== undefined ? { toCounterId: input.toCounterId } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    at: ctx.now,
  });
  ctx.store.tickets.update(moved);
  return emitChange(ctx, 'transfer', moved, [ticket.fieldId, moved.fieldId]);
}
