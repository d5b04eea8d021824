import { createHash } from 'node:crypto';
import { DomainError, isDomainError, serviceDayOf, type Clock } from '@qms/core';
import {
  COMMANDS,
  MAX_PAYLOAD_BYTES,
  fail,
  ok,
  type AckResult,
  type CommandName,
  type HubEvent,
} from '@qms/protocol';
import type { Store } from '@qms/store';
import type { Logger } from 'pino';
import { CommandContext, type Actor, type Notice } from '../domain/context';
import { expireStaleTickets } from '../domain/day-rollover';
import { ConfigCache } from '../domain/config-cache';
import { HANDLERS, IDEMPOTENCY_RECORDS, READ_ONLY, isSyncCommand } from './handlers';

export type Committed = (
  events: readonly HubEvent[],
  notices: readonly Notice[],
  disconnect: { devices: readonly string[]; officers: readonly string[]; keepSocket?: string },
) => void;

/** Commands that wait on IO (the printer): validated like the others, run outside the queue's transaction. */
export type AsyncHandler = (actor: Actor, input: never) => Promise<unknown>;

/** Idempotency records are only needed for retries of the same day; older ones are pruned. */
const IDEMPOTENCY_KEEP_MS = 2 * 24 * 3600_000;

const SYSTEM: Actor = { role: 'system', id: 'system', name: 'Hệ thống', deviceId: null };

function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

const MAX_DEPTH = 32;

/** True when a payload nests deeper than `max` (checked without recursion, so it cannot overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

function payloadBytes(payload: unknown): number {
  if (payload === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
}

/**
 * Runs one command end to end: schema, role, size; then in ONE transaction the idempotency
 * check, the domain operation, its event rows and the idempotency record; only after the
 * commit are events handed to `committed` for broadcast and the result returned for the ack.
 */
export class CommandExecutor {
  private lastDay: string | null = null;
  readonly config: ConfigCache;

  private readonly asyncHandlers = new Map<CommandName, AsyncHandler>();
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly committed: Committed,
  ) {
    this.config = new ConfigCache(store);
  }

  registerAsync(name: CommandName, handler: AsyncHandler): void {
    this.asyncHandlers.set(name, handler);
  }

  /**
   * Runs `fn` in one transaction with a fresh context (its events are appended there) and
   * publishes the events after the commit. For work that is not a client command.
   */
  transact<T>(actor: Actor, fn: (ctx: CommandContext) => T): T {
    let ctx: CommandContext | null = null;
    const value = this.store.transaction(() => {
      ctx = new CommandContext(this.store, this.config, actor, this.clock.now());
      return fn(ctx);
    });
    const done = ctx as CommandContext | null;
    if (done) {
      this.config.commitCounters(done.changedCounters);
      this.publish(done);
    }
    return value;
  }

  /** A read-only context (snapshots, public look-ups) outside any transaction. */
  readContext(actor: Actor): CommandContext {
    return new CommandContext(this.store, this.config, actor, this.clock.now());
  }

  execute(actor: Actor, name: string, payload: unknown): AckResult<unknown> | Promise<AckResult<unknown>> {
    try {
      if (!isCommand(name)) return fail('UNKNOWN_COMMAND', `Lệnh không tồn tại: ${name.slice(0, 60)}`);
      const spec = COMMANDS[name];
      if (actor.role === 'system' || !(spec.roles as readonly string[]).includes(actor.role)) {
        return fail('FORBIDDEN', `Vai trò ${actor.role} không được dùng lệnh ${name}`);
      }
      if (nestsDeeperThan(payload, MAX_DEPTH)) {
        return fail('VALIDATION_FAILED', `Dữ liệu lồng quá sâu (tối đa ${MAX_DEPTH} cấp)`);
      }
      if (payloadBytes(payload) > MAX_PAYLOAD_BYTES) {
        return fail('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá ${MAX_PAYLOAD_BYTES} byte`);
      }
      const parsed = spec.input.safeParse(payload ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
        const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
        return fail('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${text}`, { issues });
      }
      this.rollDayIfNeeded();
      const asyncHandler = this.asyncHandlers.get(name);
      if (asyncHandler) {
        return asyncHandler(actor, parsed.data as never).then(ok, (e: unknown) => this.toFailure(e, actor, name));
      }
      return ok(this.run(actor, name, parsed.data));
    } catch (e) {
      return this.toFailure(e, actor, name);
    }
  }

  /** Closes yesterday's leftovers once per new service day (at start and at midnight). */
  rollDayIfNeeded(): void {
    const now = this.clock.now();
    const day = serviceDayOf(now, this.config.site().timeZone);
    if (day === this.lastDay) return;
    const ctx = new CommandContext(this.store, this.config, SYSTEM, now);
    this.store.transaction(() => {
      expireStaleTickets(ctx);
      this.store.idempotency.pruneBefore(now - IDEMPOTENCY_KEEP_MS);
    });
    this.lastDay = day;
    if (ctx.events.length > 0) {
      this.logger.info({ expired: ctx.events.length, day }, 'closed tickets left from earlier days');
      this.publish(ctx);
    }
  }

  private run(actor: Actor, name: CommandName, input: unknown): unknown {
    if (!isSyncCommand(name)) throw new DomainError('UNKNOWN_COMMAND', `Lệnh ${name} chưa được bật trên máy chủ này`);
    const handler = HANDLERS[name] as (ctx: CommandContext, input: unknown) => unknown;
    if (READ_ONLY.has(name)) return handler(this.readContext(actor), input);
    const { idempotencyKey: key, ...request } = input as { idempotencyKey?: string };
    // a key is valid for one actor on one service day, for one command with one payload
    const fingerprint = `${name}#${createHash('sha256').update(JSON.stringify(request)).digest('base64url')}`;
    let ctx: CommandContext | null = null;
    const result = this.store.transaction(() => {
      ctx = new CommandContext(this.store, this.config, actor, this.clock.now());
      const scope = `${actor.role}:${actor.id}:${ctx.day}`;
      if (key !== undefined) {
        const first = this.store.idempotency.get(scope, key);
        if (first) {
          if (first.command !== fingerprint) {
            throw new DomainError('CONFLICT', 'Khoá idempotency đã dùng cho một lệnh khác hoặc dữ liệu khác');
          }
          const replay = IDEMPOTENCY_RECORDS[name];
          const answer = replay ? replay.load(ctx, first.result) : first.result;
          ctx = null;
          return answer;
        }
      }
      const value = handler(ctx, input);
      const record = IDEMPOTENCY_RECORDS[name];
      if (key !== undefined) this.store.idempotency.put(scope, key, fingerprint, record ? record.save(value) : value, ctx.now);
      return value;
    });
    const done = ctx as CommandContext | null;
    if (done) {
      this.config.commitCounters(done.changedCounters);
      this.publish(done);
    }
    return result;
  }

  /** Hands committed events to the broadcaster; a broadcast problem never turns a commit into an error. */
  private publish(ctx: CommandContext): void {
    if (ctx.configChanged) this.config.invalidate();
    try {
      this.committed(ctx.events, ctx.notices, ctx.disconnect);
    } catch (e) {
      this.logger.error({ err: e }, 'broadcast failed');
    }
  }

  private toFailure(e: unknown, actor: Actor, name: string): AckResult<never> {
    if (isDomainError(e)) return fail(e.code, e.message, e.details ? { ...e.details } : undefined);
    if ((e as { code?: string } | null)?.code === 'SQLITE_FULL') {
      this.logger.error({ command: name, actorId: actor.id }, 'storage full: command refused');
      return fail('STORAGE_FULL', 'Bộ nhớ của máy chủ đã đầy; thao tác chưa được thực hiện. Hãy báo quản trị viên.');
    }
    this.logger.error({ err: e, command: name, role: actor.role, actorId: actor.id }, 'command failed');
    return fail('INTERNAL', 'Lỗi máy chủ; thao tác chưa được thực hiện');
  }
}
