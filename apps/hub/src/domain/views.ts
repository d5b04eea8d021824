import type { Counter, Ticket } from '@qms/core';
import type { CounterView, HubEventBody, PrinterFaultView, TicketView } from '@qms/protocol';
import type { PrinterFaultRecord } from '@qms/store';
import type { CommandContext } from './context';

/** Staff view of a ticket (officers and admins). */
export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    seq: t.seq,
    fieldId: t.fieldId,
    status: t.status,
    priorityGroup: t.priorityGroup,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    servingAt: t.servingAt,
    finishedAt: t.finishedAt,
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    callCount: t.callCount,
    transferCount: t.transferCount,
    officerId: t.officerId,
    note: t.note,
  };
}

/** What kiosks and displays may see: no officer, no free-text note. */
export function publicTicketView(v: TicketView): TicketView {
  return { ...v, officerId: null, note: null };
}

export function counterView(c: Counter, officerName: string | null, currentTicketId: string | null): CounterView {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    kind: c.kind,
    fieldIds: c.fieldIds,
    status: c.status,
    officerId: c.officerId,
    officerName,
    currentTicketId,
    consecutivePriorityCalls: c.consecutivePriorityCalls,
  };
}

/** An open printer fault as staff see it: one per kiosk and kind, with how often it was seen. */
export function faultView(ctx: CommandContext, f: PrinterFaultRecord): PrinterFaultView {
  return {
    id: f.id,
    deviceId: f.deviceId,
    deviceName: ctx.config.device(f.deviceId)?.name ?? f.deviceId,
    ticketId: f.ticketId,
    fault: f.fault,
    message: f.message,
    at: f.at,
    count: f.count,
    lastSeenAt: f.lastSeenAt,
  };
}

export function publicCounterView(v: CounterView): CounterView {
  return { ...v, officerId: null, officerName: null };
}

/** The same event with everything but numbers, fields and counters removed. */
export function publicEventBody(body: HubEventBody): HubEventBody {
  switch (body.type) {
    case 'counter:changed':
      return { ...body, counter: publicCounterView(body.counter) };
    case 'printer:fault':
      return { ...body, fault: { ...body.fault, message: '' } }; // the text may name the printer's address
    case 'printer:restored':
    case 'ticket:rated':
    case 'dossier:changed':
    case 'config:changed':
      return body;
    default:
      return { ...body, ticket: publicTicketView(body.ticket) };
  }
}

/** The page a ticket's QR opens (`<base>/t/<id>`), or null when phones cannot reach the hub (no QR then). */
export function ticketStatusUrl(base: string | null, ticketId: string): string | null {
  return base === null ? null : `${base.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}`;
}
