import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/context';
import { COMMAND_COSTS, CONNECT_COST, CommandRateLimiter, DEFAULT_ROLE_LIMITS, DEVICE_FACTOR, MAX_REFUSALS_IN_A_ROW, RATE_LIMITED_MESSAGE } from './rate-limit';

/** A limiter on a hand-moved monotonic clock. */
function limiter(options: { maxDevices?: number; scale?: number } = {}) {
  let now = 1_000;
  const l = new CommandRateLimiter({ ...options, now: () => now });
  return { l, advance: (ms: number) => (now += ms) };
}
const display = (id = 'display-1'): Actor => ({ role: 'display', id, name: id, deviceId: id });
const officer = (id = 'canbo1'): Actor => ({ role: 'officer', id, name: id, deviceId: null });

function admitted(l: CommandRateLimiter, actor: Actor, name: string, n: number, bucket = l.socketBucket(actor.role as 'display')): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (l.admit(actor, name, bucket) === null) ok++;
  return ok;
}

describe('command rate limits (token buckets)', () => {
  it('a socket gets its capacity at once, then RATE_LIMITED with a Vietnamese message and retryAfterMs, then the refill', () => {
    const { l, advance } = limiter();
    const bucket = l.socketBucket('officer');
    const { capacity, perSecond } = DEFAULT_ROLE_LIMITS.officer;
    expect(admitted(l, officer(), 'counter:callNext', capacity + 5, bucket)).toBe(capacity);
    const refused = l.admit(officer(), 'counter:callNext', bucket);
    expect(refused?.flooding).toBe(false);
    expect(refused?.refusal).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: RATE_LIMITED_MESSAGE, details: { retryAfterMs: Math.ceil(1000 / perSecond) } } });
    expect(RATE_LIMITED_MESSAGE.normalize('NFC')).toBe(RATE_LIMITED_MESSAGE);
    advance(Math.ceil(1000 / perSecond) - 1);
    expect(l.admit(officer(), 'counter:callNext', bucket)).not.toBeNull();
    advance(1);
    expect(l.admit(officer(), 'counter:callNext', bucket)).toBeNull();
  });

  it('reads that build a whole view cost more: a display socket gets capacity / 10 snapshots', () => {
    const { l } = limiter();
    const { capacity } = DEFAULT_ROLE_LIMITS.display;
    expect(COMMAND_COSTS['sync:snapshot']).toBe(10);
    expect(admitted(l, display(), 'sync:snapshot', 100)).toBe(capacity / 10);
    // unknown names and refused roles are charged too (a flood of garbage is a flood)
    expect(admitted(l, display('display-2'), 'no:such', 100)).toBe(capacity);
  });

  it('a device shares DEVICE_FACTOR x one socket across all its sockets; other devices and accounts are not touched', () => {
    const { l } = limiter();
    const { capacity } = DEFAULT_ROLE_LIMITS.display;
    const sockets = [0, 1, 2, 3].map(() => l.socketBucket('display'));
    const total = sockets.reduce((n, b) => n + admitted(l, display(), 'ticket:rate', capacity, b), 0);
    expect(total).toBe(capacity * DEVICE_FACTOR);
    expect(admitted(l, display('display-2'), 'ticket:rate', 1)).toBe(1);
    expect(admitted(l, officer(), 'ticket:start', 1)).toBe(1);
  });

  it('a staff account is one "device": two tabs of one officer share it, another officer does not', () => {
    const { l } = limiter();
    const { capacity } = DEFAULT_ROLE_LIMITS.officer;
    const tabs = [l.socketBucket('officer'), l.socketBucket('officer'), l.socketBucket('officer')];
    const total = tabs.reduce((n, b) => n + admitted(l, officer(), 'ticket:start', capacity, b), 0);
    expect(total).toBe(capacity * DEVICE_FACTOR);
    expect(admitted(l, officer('canbo2'), 'ticket:start', 1)).toBe(1);
  });

  it('a new connection costs its device a snapshot; the answer is how long to wait', () => {
    const { l, advance } = limiter();
    const deviceTokens = DEFAULT_ROLE_LIMITS.display.capacity * DEVICE_FACTOR;
    let connects = 0;
    while (l.admitConnection(display()) === 0) connects++;
    expect(connects).toBe(deviceTokens / CONNECT_COST);
    const wait = l.admitConnection(display());
    expect(wait).toBe(Math.ceil((CONNECT_COST / (DEFAULT_ROLE_LIMITS.display.perSecond * DEVICE_FACTOR)) * 1000));
    advance(wait);
    expect(l.admitConnection(display())).toBe(0);
  });

  it('--rate-limit-scale multiplies capacity and refill', () => {
    const { l } = limiter({ scale: 3 });
    expect(admitted(l, officer(), 'ticket:start', 1000)).toBe(DEFAULT_ROLE_LIMITS.officer.capacity * 3);
  });

  it('remembers at most maxDevices device buckets, forgetting full ones first', () => {
    const { l } = limiter({ maxDevices: 100 });
    for (let i = 0; i < 10_000; i++) l.admit(display(`d-${i}`), 'ticket:rate', l.socketBucket('display'));
    expect(l.deviceCount).toBeLessThanOrEqual(100);
  });

  it('when the bound is reached, full buckets (which carry nothing) are forgotten first, not a drained one', () => {
    const { l, advance } = limiter({ maxDevices: 100 });
    for (let i = 0; i < DEVICE_FACTOR; i++) admitted(l, display('busy'), 'sync:snapshot', 100, l.socketBucket('display'));
    for (let i = 0; i < 99; i++) l.admit(display(`d-${i}`), 'ticket:rate', l.socketBucket('display'));
    advance(1000); // the others are full again, 'busy' has a refill of one second only
    l.admit(display('newcomer'), 'ticket:rate', l.socketBucket('display'));
    expect(l.deviceCount).toBe(2);
    expect(l.admit(display('busy'), 'sync:snapshot', l.socketBucket('display'))).not.toBeNull();
  });

  it(`a socket refused ${MAX_REFUSALS_IN_A_ROW} times in a row is flooding; one admitted command starts the count again`, () => {
    const { l, advance } = limiter();
    const bucket = l.socketBucket('display');
    admitted(l, display(), 'ticket:rate', DEFAULT_ROLE_LIMITS.display.capacity, bucket);
    for (let i = 1; i < MAX_REFUSALS_IN_A_ROW; i++) expect(l.admit(display(), 'ticket:rate', bucket)?.flooding).toBe(false);
    advance(1000);
    expect(l.admit(display(), 'ticket:rate', bucket)).toBeNull();
    for (let i = 1; i < MAX_REFUSALS_IN_A_ROW; i++) l.admit(display(), 'sync:snapshot', bucket);
    expect(l.admit(display(), 'sync:snapshot', bucket)?.flooding).toBe(true);
  });

  it('never limits the hub itself (system actor)', () => {
    const { l } = limiter();
    const system: Actor = { role: 'system', id: 'system', name: 'Hệ thống', deviceId: null };
    const bucket = l.socketBucket('admin');
    for (let i = 0; i < 1000; i++) expect(l.admit(system, 'sync:snapshot', bucket)).toBeNull();
  });
});
