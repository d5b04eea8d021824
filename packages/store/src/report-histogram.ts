/**
 * The duration histograms of the report rollups (wait_hist, service_hist), as migration 0005
 * fills them: a duration of `ms` goes into the bucket of its whole minutes rounded UP,
 * c = ceil(ms / 60 000):
 *
 * | bucket  | holds (minutes)                | width  |
 * | ------- | ------------------------------ | ------ |
 * | 0       | exactly 0                      | 0      |
 * | 1..60   | (b - 1, b]                     | 1 min  |
 * | 61..84  | (60 + 5(b - 61), 60 + 5(b - 60)] | 5 min |
 * | 85      | more than 180                  | open   |
 *
 * So "waited at most 15 minutes" is exactly buckets 0..15, and a quantile read from the
 * histogram is within one bucket of the true value: 1 minute up to an hour, 5 minutes up to
 * three hours, and "more than 180" beyond (reported as 180).
 */

export const HISTOGRAM_BUCKETS = 86;
export const OVERFLOW_BUCKET = 85;
/** The largest duration the histogram resolves; longer ones are only "more than this". */
export const HISTOGRAM_MAX_MINUTES = 180;

const MINUTE_MS = 60_000;

/** The bucket of a duration, the same as the SQL of migration 0005 (negative counts as 0). */
export function bucketOfMs(ms: number): number {
  const c = Math.ceil(Math.max(0, Math.trunc(ms)) / MINUTE_MS);
  if (c <= 60) return c;
  if (c <= HISTOGRAM_MAX_MINUTES) return 60 + Math.trunc((c - 56) / 5);
  return OVERFLOW_BUCKET;
}

/** Minutes a bucket holds: (lower, upper]; bucket 0 is [0, 0], the overflow bucket (180, ∞). */
export function bucketBounds(bucket: number): { lower: number; upper: number } {
  if (bucket <= 0) return { lower: 0, upper: 0 };
  if (bucket <= 60) return { lower: bucket - 1, upper: bucket };
  if (bucket < OVERFLOW_BUCKET) {
    const upper = 60 + 5 * (bucket - 60);
    return { lower: upper - 5, upper };
  }
  return { lower: HISTOGRAM_MAX_MINUTES, upper: Number.POSITIVE_INFINITY };
}

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BUCKETS).fill(0);
}

export function histogramCount(hist: readonly number[]): number {
  let n = 0;
  for (const c of hist) if (c > 0) n += c;
  return n;
}

/** Adds `b` into `a` (same length), returns `a`. */
export function addHistogram(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < HISTOGRAM_BUCKETS; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return a;
}

/**
 * The q-quantile (0..1) in minutes, or null for an empty histogram. The value of rank
 * q·n lies in one bucket; the estimate interpolates linearly inside it, so it is in the same
 * bucket as the true (nearest-rank) quantile. In the overflow bucket it is 180.
 */
export function histogramQuantile(hist: readonly number[], q: number): number | null {
  const n = histogramCount(hist);
  if (n === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * n;
  let before = 0;
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) {
    const count = Math.max(hist[b] ?? 0, 0);
    if (count === 0) continue;
    if (rank <= before + count) {
      const { lower, upper } = bucketBounds(b);
      if (!Number.isFinite(upper)) return lower;
      return lower + ((upper - lower) * Math.max(rank - before, 0)) / count;
    }
    before += count;
  }
  return bucketBounds(OVERFLOW_BUCKET).lower;
}

/**
 * Share (0..1) of durations of at most `minutes`, or null for an empty histogram. Exact for
 * whole minutes up to 60 and multiples of 5 up to 180; inside a 5-minute bucket the bucket is
 * taken as evenly spread.
 */
export function histogramShareAtMost(hist: readonly number[], minutes: number): number | null {
  const n = histogramCount(hist);
  if (n === 0) return null;
  let within = 0;
  for (let b = 0; b < HISTOGRAM_BUCKETS; b++) {
    const count = Math.max(hist[b] ?? 0, 0);
    if (count === 0) continue;
    const { lower, upper } = bucketBounds(b);
    if (upper <= minutes) within += count;
    else if (lower < minutes && Number.isFinite(upper)) within += (count * (minutes - lower)) / (upper - lower);
  }
  return within / n;
}
