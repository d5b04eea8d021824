import { cancelTicket, finishTicket } from '@qms/core';
import type { CommandContext } from './context';
import { ticketView } from './views';

/**
 * Closes tickets left open from earlier days (numbers restart each day): waiting and called
 * tickets are cancelled, tickets being served are finished. Each gets an `expire` event.
 */
export function expireStaleTickets(ctx: CommandContext): number {
  const stale = ctx.store.tickets.staleActive(ctx.day);
  for (const t of stale) {
    const closed = t.status === 'serving' ? finishTicket(t, { at: ctx.now }) : cancelTicket(t, { at: ctx.now });
    ctx.store.tickets.update(closed);
    ctx.emit(
      { type: 'ticket:changed', action: 'expire', ticket: ticketView(closed), stats: ctx.stats([closed.fieldId]) },
      { ticketId: t.id },
    );
  }
  return stale.length;
}
