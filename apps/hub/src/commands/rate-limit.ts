import { performance } from 'node:perf_hooks';
import { fail, type AckResult, type CommandName, type Role } from '@qms/protocol';
import type { Actor } from '../domain/context';

/** A token bucket's size: `capacity` tokens at most, `perSecond` added back every second. */
export interface BucketLimit {
  capacity: number;
  perSecond: number;
}

export interface RateLimitOptions {
  /** One socket's bucket per role; a device (or a staff account) gets DEVICE_FACTOR times this across all its sockets. */
  roles: Record<Role, BucketLimit>;
  /** Multiplies every capacity and refill (`--rate-limit-scale`); 1 keeps the numbers above. */
  scale: number;
  /** Devices and accounts whose bucket is remembered at most (full buckets are forgotten first). */
  maxDevices: number;
  /** Monotonic milliseconds. Limits follow real time, never the hub's (possibly fake) domain clock. */
  now: () => number;
}

/** What one device or staff account may spend, summed over all its sockets, relative to one socket. */
export const DEVICE_FACTOR = 2;

/**
 * Per socket, per role. Real clients stay far below these (docs/protocol.md §7.1): a kiosk sends
 * `ticket:issue` + `ticket:print` per citizen, a display a snapshot after a gap or a configuration
 * change, an officer a command per button press, the admin screen a dashboard refresh at most once
 * a second and a report per click.
 */
export const DEFAULT_ROLE_LIMITS: Record<Role, BucketLimit> = {
  kiosk: { capacity: 60, perSecond: 3 },
  display: { capacity: 60, perSecond: 1 },
  officer: { capacity: 60, perSecond: 5 },
  admin: { capacity: 120, perSecond: 10 },
};

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  roles: DEFAULT_ROLE_LIMITS,
  scale: 1,
  maxDevices: 4096,
  now: () => performance.now(),
};

/** Tokens a command costs; every other command costs 1. Reads that build a whole view cost more. */
export const COMMAND_COSTS: Partial<Record<CommandName, number>> = {
  'sync:snapshot': 10,
  'report:run': 10,
  'dashboard:get': 3,
  'config:get': 3,
};
/** A new connection is sent a snapshot: it costs the device what `sync:snapshot` costs. */
export const CONNECT_COST = 10;

export function commandCost(name: string): number {
  return Object.prototype.hasOwnProperty.call(COMMAND_COSTS, name) ? (COMMAND_COSTS[name as CommandName] ?? 1) : 1;
}

/** A socket refused this many commands in a row is flooding: the hub ends it. */
export const MAX_REFUSALS_IN_A_ROW = 50;

export class TokenBucket {
  private tokens: number;
  /** Commands refused since the last one admitted (socket buckets only). */
  refusedInARow = 0;
  constructor(
    readonly limit: BucketLimit,
    private at: number,
  ) {
    this.tokens = limit.capacity;
  }

  /** Milliseconds until `cost` tokens are there; 0 when they are there now. */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    const missing = Math.min(cost, this.limit.capacity) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.limit.perSecond) * 1000);
  }

  take(cost: number): void {
    this.tokens -= Math.min(cost, this.limit.capacity);
  }

  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.limit.capacity;
  }

  private refill(now: number): void {
    if (now <= this.at) return;
    this.tokens = Math.min(this.limit.capacity, this.tokens + ((now - this.at) / 1000) * this.limit.perSecond);
    this.at = now;
  }
}

export const RATE_LIMITED_MESSAGE = 'Thiết bị gửi quá nhiều yêu cầu liên tiếp; thao tác chưa được thực hiện. Xin thử lại sau giây lát.';

/**
 * Token buckets against floods: each command must find its cost in its socket's bucket AND in its
 * device's (a kiosk or display token, or a staff account) before anything else looks at it.
 * Socket buckets live in the socket's connection handler and die with it; device buckets are keyed
 * by device id and bounded by `maxDevices`.
 */
export class CommandRateLimiter {
  private readonly devices = new Map<string, TokenBucket>();
  readonly options: RateLimitOptions;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.options = { ...DEFAULT_RATE_LIMITS, ...options };
  }

  /** A fresh bucket for a new socket of `role`. */
  socketBucket(role: Role): TokenBucket {
    return new TokenBucket(this.scaled(role, 1), this.options.now());
  }

  /**
   * Null when the command may go on (its cost is then taken); else the RATE_LIMITED answer.
   * `flooding`: the socket was refused MAX_REFUSALS_IN_A_ROW times in a row (no client of ours does that).
   */
  admit(actor: Actor, name: string, socket: TokenBucket): { refusal: AckResult<never>; flooding: boolean } | null {
    if (actor.role === 'system') return null;
    const wait = this.spend(deviceKey(actor), actor.role, commandCost(name), socket);
    if (wait === 0) {
      socket.refusedInARow = 0;
      return null;
    }
    socket.refusedInARow++;
    return { refusal: fail('RATE_LIMITED', RATE_LIMITED_MESSAGE, { retryAfterMs: wait }), flooding: socket.refusedInARow >= MAX_REFUSALS_IN_A_ROW };
  }

  /** 0 when a new socket of this device may connect (its snapshot is charged); else ms to wait. */
  admitConnection(actor: Pick<Actor, 'role' | 'id' | 'deviceId'>): number {
    if (actor.role === 'system') return 0;
    return this.spend(deviceKey(actor), actor.role, CONNECT_COST, null);
  }

  /** Device buckets held now (for tests of the bound). */
  get deviceCount(): number {
    return this.devices.size;
  }

  private spend(key: string, role: Role, cost: number, socket: TokenBucket | null): number {
    const now = this.options.now();
    const device = this.deviceBucket(key, role, now);
    const wait = Math.max(socket?.waitFor(cost, now) ?? 0, device.waitFor(cost, now));
    if (wait > 0) return wait;
    socket?.take(cost);
    device.take(cost);
    return 0;
  }

  private deviceBucket(key: string, role: Role, now: number): TokenBucket {
    const known = this.devices.get(key);
    if (known) return known;
    if (this.devices.size >= this.options.maxDevices) this.forgetSome(now);
    const bucket = new TokenBucket(this.scaled(role, DEVICE_FACTOR), now);
    this.devices.set(key, bucket);
    return bucket;
  }

  /** Full buckets carry no information: forget them; if none is full, the oldest half. */
  private forgetSome(now: number): void {
    for (const [key, bucket] of this.devices) if (bucket.isFull(now)) this.devices.delete(key);
    if (this.devices.size < this.options.maxDevices) return;
    let drop = Math.ceil(this.devices.size / 2);
    for (const key of this.devices.keys()) {
      if (drop-- <= 0) break;
      this.devices.delete(key);
    }
  }

  private scaled(role: Role, factor: number): BucketLimit {
    const base = this.options.roles[role];
    const k = factor * this.options.scale;
    return { capacity: base.capacity * k, perSecond: base.perSecond * k };
  }
}

/** Kiosks and displays by device token; officers and admins by account (all their tabs and PCs together). */
function deviceKey(actor: Pick<Actor, 'role' | 'id' | 'deviceId'>): string {
  return actor.deviceId ? `device:${actor.deviceId}` : `${actor.role}:${actor.id}`;
}
