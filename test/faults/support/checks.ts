/** Checks shared by the rush-based fault tests. */
import type { Crew } from './crew';

/** The service day in the demo site's time zone (numbers restart at local midnight). */
export function serviceDayNow(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * Error answers the rush got. None is expected; only across local midnight may an officer's
 * action on yesterday's ticket be NOT_FOUND (the day rollover closed it).
 */
export function unexpectedErrors(crew: Crew, dayAtStart: string): string[] {
  const crossedMidnight = serviceDayNow() !== dayAtStart;
  return crew.ledger.errors
    .filter((e) => !(crossedMidnight && e.code === 'NOT_FOUND'))
    .map((e) => `${e.command} ${e.key}: ${e.code} ${e.message}`);
}

/** What the clients themselves saw: gaps inside a connection, tickets shown twice. */
export function clientProblems(crew: Crew): string[] {
  return crew.all.flatMap((c) => c.problems.slice(0, 5));
}

export function sum(crew: Crew, pick: (c: Crew['all'][number]) => number): number {
  return crew.all.reduce((s, c) => s + pick(c), 0);
}
