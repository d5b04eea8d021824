import { averageServiceMs, estimateWaitMinutes, type Counter, type Field, type Id } from '@qms/core';
import type { FieldStats } from '@qms/protocol';
import type { Store } from '@qms/store';

/** Mean recent service time of a field, or its default until enough tickets are done. */
export function fieldAverageServiceMs(store: Store, field: Field): number {
  return averageServiceMs(store.tickets.recentServiceTimes(field.id), field.defaultServiceMinutes);
}

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
  waitingCounts: ReadonlyMap<Id, number>,
  only?: ReadonlySet<Id>,
): FieldStats[] {
  const counts = waitingCounts;
  return fields
    .filter((f) => only === undefined || only.has(f.id))
    .map((f) => {
      const waitingCount = counts.get(f.id) ?? 0;
      const openCounters = openCountersFor(f.id, counters);
      const avgServiceMs = fieldAverageServiceMs(store, f);
      return {
        fieldId: f.id,
        waiting: waitingCount,
        openCounters,
        estimatedWaitMinutes: estimateWaitMinutes({ peopleAhead: waitingCount, openCounters, avgServiceMs }),
      };
    });
}
