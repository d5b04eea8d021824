import { averageServiceMs, estimateWaitMinutes, type Counter, type Field, type Id, type Ticket } from '@qms/core';
import type { FieldStats } from '@qms/protocol';
import type { Store } from '@qms/store';

/** Counters that take tickets of this field right now. */
export function openCountersFor(fieldId: Id, counters: readonly Counter[]): number {
  return counters.filter((c) => c.enabled && c.status === 'open' && c.fieldIds.includes(fieldId)).length;
}

/**
 * Waiting count and estimated wait per field (all fields, or only `only`).
 * The estimate is for a ticket issued now: everyone waiting in the field is ahead of it.
 */
export function fieldStats(
  store: Store,
  fields: readonly Field[],
  counters: readonly Counter[],
  waiting: readonly Ticket[],
  only?: ReadonlySet<Id>,
): FieldStats[] {
  const counts = new Map<Id, number>();
  for (const t of waiting) if (t.status === 'waiting') counts.set(t.fieldId, (counts.get(t.fieldId) ?? 0) + 1);
  return fields
    .filter((f) => only === undefined || only.has(f.id))
    .map((f) => {
      const waitingCount = counts.get(f.id) ?? 0;
      const openCounters = openCountersFor(f.id, counters);
      const avgServiceMs = averageServiceMs(store.tickets.recentServiceTimes(f.id), f.defaultServiceMinutes);
      return {
        fieldId: f.id,
        waiting: waitingCount,
        openCounters,
        estimatedWaitMinutes: estimateWaitMinutes({ peopleAhead: waitingCount, openCounters, avgServiceMs }),
      };
    });
}
