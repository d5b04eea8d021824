const MIN_SAMPLE_MS = 10_000;
const MAX_SAMPLE_MS = 2 * 60 * 60 * 1000;
const SAMPLE_WINDOW = 20;

/**
 * Mean service time of the most recent (up to 20) plausible samples.
 * Samples under 10 s (mis-clicks) or over 2 h (forgotten tickets) are dropped;
 * with nothing left the field's default applies.
 */
export function averageServiceMs(recentServiceMs: readonly number[], defaultMinutes: number): number {
  const kept = recentServiceMs.filter((ms) => Number.isFinite(ms) && ms >= MIN_SAMPLE_MS && ms <= MAX_SAMPLE_MS);
  const window = kept.slice(-SAMPLE_WINDOW);
  if (window.length === 0) return defaultMinutes * 60_000;
  return window.reduce((sum, ms) => sum + ms, 0) / window.length;
}

export interface WaitEstimateInput {
  peopleAhead: number;
  openCounters: number;
  avgServiceMs: number;
}

/** Minutes until the ticket is likely called; null when no counter is open. */
export function estimateWaitMinutes(input: WaitEstimateInput): number | null {
  const { peopleAhead, openCounters, avgServiceMs } = input;
  if (openCounters <= 0) return null;
  if (peopleAhead <= 0) return 0;
  return Math.ceil((peopleAhead * avgServiceMs) / openCounters / 60_000);
}
