import { RATING_LEVELS, type RatingLevel } from '@qms/core';
import type { Dashboard } from '@qms/protocol';
import type { CommandContext } from '../domain/context';
import { fieldStats } from '../domain/stats';
import { faultView } from '../domain/views';
import { startOfLocalDay } from '../dossiers/desk';

const minutes = (ms: number): number => Math.round(ms / 6000) / 10;

/** The head of the service point's live view, computed now from today's tickets. */
export function dashboard(ctx: CommandContext): Dashboard {
  const active = ctx.store.tickets.active(ctx.day);
  const waiting = active.filter((t) => t.status === 'waiting');
  const stats = fieldStats(ctx.store, ctx.fields(), ctx.counters(), ctx.store.tickets.waitingCounts(ctx.day));
  const fields = ctx.fields().filter((f) => f.enabled).map((f) => {
    const s = stats.find((x) => x.fieldId === f.id);
    const oldest = waiting.filter((t) => t.fieldId === f.id).reduce((m, t) => Math.min(m, t.issuedAt), ctx.now);
    return {
      fieldId: f.id,
      nameVi: f.nameVi,
      waiting: s?.waiting ?? 0,
      longestWaitMin: minutes(ctx.now - oldest),
      estimatedWaitMinutes: s?.estimatedWaitMinutes ?? null,
      openCounters: s?.openCounters ?? 0,
    };
  });
  const today = ctx.store.tickets.dayTotals(ctx.day);
  const satisfaction = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;
  for (const r of ctx.store.tickets.dayRatings(ctx.day)) satisfaction[r.level] += r.n;
  return {
    now: ctx.now,
    fields,
    longestWaitMin: Math.max(0, ...fields.map((f) => f.longestWaitMin)),
    counters: ctx.counters().filter((c) => c.enabled).map((c) => {
      const current = active.find((t) => t.counterId === c.id && (t.status === 'called' || t.status === 'serving'));
      return { id: c.id, number: c.number, name: c.name, status: c.status, officerName: c.officerId ? ctx.config.officerName(c.officerId) : null, currentNumber: current?.number ?? null };
    }),
    today: {
      issued: today.issued,
      served: today.served,
      noShow: today.noShow,
      avgWaitMin: today.avgWaitMs === null ? null : minutes(today.avgWaitMs),
      avgServiceMin: today.avgServiceMs === null ? null : minutes(today.avgServiceMs),
    },
    printerFaults: ctx.store.printerFaults.open().map((f) => faultView(ctx, f)),
    faultHistory: ctx.store.printerFaults
      .groupsSince(startOfLocalDay(ctx.day, ctx.site.timeZone))
      .map((g) => ({ ...g, deviceName: ctx.config.device(g.deviceId)?.name ?? g.deviceId })),
    satisfaction,
    phoneLinkBase: ctx.runtime.phoneLinkBase,
  };
}
