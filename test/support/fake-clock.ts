import type { Clock } from '@qms/core';

/** A clock tests move by hand. Starts at a given instant (default: a Monday 09:00 in Hanoi). */
export class FakeClock implements Clock {
  private t: number;
  constructor(start: number = Date.parse('2026-11-23T02:00:00Z')) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(at: number): void {
    this.t = at;
  }
}
