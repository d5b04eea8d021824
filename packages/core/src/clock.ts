import type { EpochMs } from './model';

/** The only source of time for the domain: production passes the system clock, tests a fake one. */
export interface Clock {
  now(): EpochMs;
}
