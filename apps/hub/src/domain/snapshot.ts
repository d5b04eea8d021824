import type { Role, Snapshot, TicketView } from '@qms/protocol';
import { PROTOCOL_VERSION, RECENT_CALLS, isStaffRole } from '@qms/protocol';
import type { CommandContext } from './context';
import { fieldStats } from './stats';
import { faultView, publicCounterView, publicTicketView, ticketView } from './views';

const CLOSED_DAYS_AHEAD = 14;

/** Holidays from today on that keep the kiosk closed, so a kiosk left on past midnight knows them. */
function kioskClosedDays(ctx: CommandContext): Snapshot['kioskClosedDays'] {
  if (!ctx.runtime.enforceHours) return [];
  const calendar = ctx.config.calendar();
  const out: Snapshot['kioskClosedDays'] = [];
  const start = Date.parse(`${ctx.day}T00:00:00Z`);
  for (let i = 0; i <= CLOSED_DAYS_AHEAD; i += 1) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const name = calendar.kioskClosedFor(day);
    if (name !== null) out.push({ day, name });
  }
  return out;
}

function deviceView(ctx: CommandContext): Snapshot['device'] {
  const d = ctx.actor.deviceId ? ctx.config.device(ctx.actor.deviceId) : null;
  if (!d) return null;
  // a display needs its filters and notice; a kiosk's printer address is not its business
  const { printer: _printer, ...settings } = d.settings;
  return { id: d.id, kind: d.kind, name: d.name, settings };
}

/** The whole state a client needs, projected for its role; `seq` is the last event it includes. */
export function buildSnapshot(ctx: CommandContext, role: Role): Snapshot {
  const staff = isStaffRole(role);
  const project = (v: TicketView): TicketView => (staff ? v : publicTicketView(v));
  const active = ctx.store.tickets.active(ctx.day);
  const counters = ctx.counters().filter((c) => c.enabled).map((c) => ctx.counterView(c));
  return {
    protocolVersion: PROTOCOL_VERSION,
    seq: ctx.store.events.lastSeq(),
    serviceDay: ctx.day,
    now: ctx.now,
    identity: { role, id: ctx.actor.id, name: ctx.actor.name },
    site: { ...ctx.site },
    fields: ctx.fields(),
    counters: staff ? counters : counters.map(publicCounterView),
    tickets: active.map((t) => project(ticketView(t))),
    recentCalls: ctx.store.tickets.recentCalls(ctx.day, RECENT_CALLS).map((t) => project(ticketView(t))),
    stats: fieldStats(ctx.store, ctx.fields(), ctx.counters(), ctx.store.tickets.waitingCounts(ctx.day)),
    hoursEnforced: ctx.runtime.enforceHours,
    kioskClosedDays: kioskClosedDays(ctx),
    procedures: ctx.config.procedures(),
    pickupFieldId: ctx.config.pickupFieldId(),
    myStats: staff ? ctx.store.tickets.officerDay(ctx.actor.id, ctx.day) : null,
    device: deviceView(ctx),
    printerFaults: staff ? ctx.store.printerFaults.open().map((f) => faultView(ctx, f)) : [],
  };
}
