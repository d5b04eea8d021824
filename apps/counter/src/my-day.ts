import type { HubEvent, OfficerDayStats } from '@qms/protocol';

/**
 * Keeps the officer's "my day" figures current between snapshots: a ticket this officer finished
 * counts as served (and its service time joins the mean), a no-show counts as a no-show.
 */
export function applyMyDay(stats: OfficerDayStats, e: HubEvent, officerId: string): OfficerDayStats {
  if (e.type !== 'ticket:changed' || e.ticket.officerId !== officerId) return stats;
  if (e.action === 'no_show') return { ...stats, noShow: stats.noShow + 1 };
  if (e.action !== 'finish') return stats;
  const { servingAt, finishedAt } = e.ticket;
  const ms = servingAt !== null && finishedAt !== null ? finishedAt - servingAt : null;
  const served = stats.served + 1;
  if (ms === null) return { ...stats, served };
  const total = (stats.avgServiceMs ?? 0) * stats.served + ms;
  return { served, noShow: stats.noShow, avgServiceMs: total / served };
}

/**
 * A no-show called back ("Gọi số cụ thể"; callTicket counts it as a further call, not a recall):
 * its no-show no longer counts, on whichever officer's figures it was. The hub's figures
 * (TicketRepo.officerDay, the same rule as the dashboard's "today") must be read again then.
 */
export function myDayNeedsHubFigures(e: HubEvent): boolean {
  return e.type === 'ticket:called' && !e.recall && e.ticket.callCount > 1;
}
