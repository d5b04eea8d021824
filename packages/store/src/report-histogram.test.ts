import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import {
  HISTOGRAM_BUCKETS,
  bucketBounds,
  bucketOfMs,
  emptyHistogram,
  histogramQuantile,
  histogramShareAtMost,
} from './report-histogram';

const MIN = 60_000;

/** The bucket expression of migration 0005, run by SQLite. */
function sqlBucket(ms: number): number {
  const db = openDatabase(':memory:');
  try {
    return db
      .prepare<[number], { b: number }>(
        `SELECT CASE WHEN c <= 60 THEN c WHEN c <= 180 THEN 60 + (c - 56) / 5 ELSE 85 END AS b
         FROM (SELECT (MAX(CAST(? AS INTEGER), 0) + 59999) / 60000 AS c)`,
      )
      .get(ms)!.b;
  } finally {
    db.close();
  }
}

function histOf(minutes: readonly number[]): number[] {
  const h = emptyHistogram();
  for (const m of minutes) {
    const b = bucketOfMs(Math.round(m * MIN));
    h[b] = (h[b] ?? 0) + 1;
  }
  return h;
}

/** Nearest-rank quantile of exact values. */
function exactQuantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
}

describe('histogram buckets', () => {
  it('match the SQL of the migration at the edges', () => {
    const edges = [-5, 0, 1, MIN - 1, MIN, MIN + 1, 59 * MIN, 60 * MIN, 60 * MIN + 1, 65 * MIN, 65 * MIN + 1, 180 * MIN, 180 * MIN + 1, 1e10];
    for (const ms of edges) expect(bucketOfMs(ms), `ms=${ms}`).toBe(sqlBucket(ms));
    expect(edges.map(bucketOfMs)).toEqual([0, 0, 1, 1, 1, 2, 59, 60, 61, 61, 62, 84, 85, 85]);
  });

  it('match the SQL for any duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MIN, max: 400 * MIN }), (ms) => bucketOfMs(ms) === sqlBucket(ms)),
      { numRuns: 300 },
    );
  });

  it('hold (lower, upper] minutes: each duration lies inside its bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 180 * MIN }), (ms) => {
        const { lower, upper } = bucketBounds(bucketOfMs(ms));
        return ms / MIN > lower && ms / MIN <= upper;
      }),
    );
    expect(bucketBounds(0)).toEqual({ lower: 0, upper: 0 });
    expect(bucketBounds(61)).toEqual({ lower: 60, upper: 65 });
    expect(bucketBounds(84)).toEqual({ lower: 175, upper: 180 });
    expect(bucketBounds(85)).toEqual({ lower: 180, upper: Number.POSITIVE_INFINITY });
    expect(emptyHistogram()).toHaveLength(HISTOGRAM_BUCKETS);
  });
});

describe('histogram quantiles and shares', () => {
  it('are null for an empty histogram', () => {
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
    expect(histogramShareAtMost(emptyHistogram(), 15)).toBeNull();
  });

  it('give exact values for distinct whole minutes', () => {
    const h = histOf([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(histogramQuantile(h, 0.5)).toBe(25);
    expect(histogramQuantile(h, 0.9)).toBe(45);
    expect(histogramShareAtMost(h, 15)).toBe(0.3);
    expect(histogramShareAtMost(h, 4)).toBe(0);
    expect(histogramShareAtMost(h, 50)).toBe(1);
  });

  it('report more than 180 minutes as 180', () => {
    expect(histogramQuantile(histOf([200, 300]), 0.5)).toBe(180);
  });

  it('put a quantile within one bucket of the exact nearest-rank value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 175 * 60 }).map((s) => s / 60), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(0.1, 0.5, 0.9, 0.99),
        (minutes, q) => {
          const estimate = histogramQuantile(histOf(minutes), q)!;
          const exact = exactQuantile(minutes.map((m) => Math.round(m * MIN) / MIN), q);
          const { lower, upper } = bucketBounds(bucketOfMs(Math.round(exact * MIN)));
          return estimate >= lower && estimate <= upper;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('count "at most T minutes" exactly for whole minutes up to 60 and multiples of 5 up to 180', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 * 60 }).map((s) => s / 60), { minLength: 1, maxLength: 200 }),
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 12, max: 36 }).map((k) => k * 5)),
        (minutes, target) => {
          const share = histogramShareAtMost(histOf(minutes), target)!;
          const exact = minutes.filter((m) => m <= target).length / minutes.length;
          return Math.abs(share - exact) < 1e-12;
        },
      ),
      { numRuns: 300 },
    );
  });
});
