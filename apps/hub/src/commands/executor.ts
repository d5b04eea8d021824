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
import { HubRuntime } from '../domain/runtime';
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

/** Answers one command (the socket's acknowledgement callback). */
export type Reply = (result: AckResult<unknown>) => void;

interface Queued {
  actor: Actor;
  name: CommandName;
  input: unknown;
  reply: Reply;
}

interface Outcome {
  item: Queued;
  result: AckResult<unknown>;
  /** The context of a command that changed something (null: failed, replayed or read-only). */
  ctx: CommandContext | null;
  error?: unknown;
}

/**
 * Runs commands end to end: schema, role and size checks at once; then the domain work in the
 * database, acknowledged and broadcast only after a durable commit.
 *
 * Group commit: commands that arrive in the same turn of the event loop (during a rush, the
 * ones that came in while the previous group was being written) run one after another in ONE
 * transaction, each in its own savepoint (a command that fails leaves no trace and does not
 * affect the others), with one fsync for the group. Only after that commit are the commands
 * acknowledged, in arrival order, and their events sent as one frame per room. An idle hub
 * sees groups of one. Commands of one socket keep their order (reads are queued too).
 */
export class CommandExecutor {
  private lastDay: string | null = null;
  readonly config: ConfigCache;
  /** Runtime state: presence, hours enforcement, the phone link, look-up throttles. */
  readonly runtime = new HubRuntime();

  private readonly asyncHandlers = new Map<CommandName, AsyncHandler>();
  private queue: Queued[] = [];
  private flushScheduled = false;
  /** Observes each group's size (the bench reports it); no effect on behaviour. */
  onGroup: ((size: number) => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly committed: Committed,
  ) {
    this.config = new ConfigCache(store);
  }

  /** Commands checked and waiting for their group to run. */
  get queued(): number {
    return this.queue.length;
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
      ctx = new CommandContext(this.store, this.config, this.runtime, actor, this.clock.now());
      return fn(ctx);
    });
    const done = ctx as CommandContext | null;
    if (done) {
      this.config.commitCounters(done.changedCounters);
      if (done.configChanged) this.config.invalidate();
      this.publish([done]);
    }
    return value;
  }

  /** A read-only context (snapshots, public look-ups) outside any transaction. */
  readContext(actor: Actor): CommandContext {
    return new CommandContext(this.store, this.config, this.runtime, actor, this.clock.now());
  }

  /** Runs a command and resolves with its answer (after the commit of its group). */
  execute(actor: Actor, name: string, payload: unknown): Promise<AckResult<unknown>> {
    return new Promise((resolve) => this.submit(actor, name, payload, resolve));
  }

  /**
   * Checks a command and queues it for the next group, or answers at once when the checks
   * fail. `reply` is called exactly once.
   */
  submit(actor: Actor, name: string, payload: unknown, reply: Reply): void {
    let input: unknown;
    try {
      const checked = this.check(actor, name, payload);
      if (!checked.ok) return reply(checked.failure);
      input = checked.input;
    } catch (e) {
      return reply(this.toFailure(e, actor, name));
    }
    const command = name as CommandName;
    const asyncHandler = this.asyncHandlers.get(command);
    if (asyncHandler) {
      void asyncHandler(actor, input as never).then(ok, (e: unknown) => this.toFailure(e, actor, name)).then(reply);
      return;
    }
    this.queue.push({ actor, name: command, input, reply });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private check(
    actor: Actor,
    name: string,
    payload: unknown,
  ): { ok: true; input: unknown } | { ok: false; failure: AckResult<never> } {
    if (!isCommand(name)) return { ok: false, failure: fail('UNKNOWN_COMMAND', `Lệnh không tồn tại: ${name.slice(0, 60)}`) };
    const spec = COMMANDS[name];
    if (actor.role === 'system' || !(spec.roles as readonly string[]).includes(actor.role)) {
      return { ok: false, failure: fail('FORBIDDEN', `Vai trò ${actor.role} không được dùng lệnh ${name}`) };
    }
    if (nestsDeeperThan(payload, MAX_DEPTH)) {
      return { ok: false, failure: fail('VALIDATION_FAILED', `Dữ liệu lồng quá sâu (tối đa ${MAX_DEPTH} cấp)`) };
    }
    if (payloadBytes(payload) > MAX_PAYLOAD_BYTES) {
      return { ok: false, failure: fail('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá ${MAX_PAYLOAD_BYTES} byte`) };
    }
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
      const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return { ok: false, failure: fail('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${text}`, { issues }) };
    }
    return { ok: true, input: parsed.data };
  }

  /** Runs the queued group in one transaction, then acknowledges and broadcasts. */
  private flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    this.onGroup?.(group.length);
    try {
      this.rollDayIfNeeded();
    } catch (e) {
      this.logger.error({ err: e }, 'day rollover failed');
    }
    const outcomes: Outcome[] = [];
    try {
      this.store.transaction(() => {
        for (const item of group) {
          const outcome = this.runOne(item);
          outcomes.push(outcome);
          // SQLite ends the whole transaction on some errors (a full disk): the group cannot commit
          if (!this.store.db.inTransaction) throw outcome.error ?? new Error('transaction ended by the database');
        }
      });
    } catch (e) {
      // the commit itself failed: nothing of the group is stored, so no command of it succeeded
      this.config.invalidate();
      const failure = this.toFailure(e, group[0]?.actor ?? SYSTEM, 'commit');
      for (const item of group) {
        const own = outcomes.find((o) => o.item === item);
        this.answer(item, own && !own.result.ok ? own.result : failure);
      }
      return;
    }
    for (const o of outcomes) this.answer(o.item, o.result);
    const changed = outcomes.flatMap((o) => (o.ctx ? [o.ctx] : []));
    if (changed.length > 0) this.publish(changed);
  }

  private answer(item: Queued, result: AckResult<unknown>): void {
    try {
      item.reply(result);
    } catch (e) {
      this.logger.error({ err: e, command: item.name }, 'acknowledgement failed');
    }
  }

  /** One command of a group, in its own savepoint; its counter states reach the cache at once so the next command sees them. */
  private runOne(item: Queued): Outcome {
    try {
      const { value, ctx } = this.store.transaction(() => this.run(item.actor, item.name, item.input));
      if (ctx) {
        this.config.commitCounters(ctx.changedCounters);
        if (ctx.configChanged) this.config.invalidate();
      }
      return { item, result: ok(value), ctx };
    } catch (e) {
      return { item, result: this.toFailure(e, item.actor, item.name), ctx: null, error: e };
    }
  }

  /**
   * Once per new service day (at start and at midnight): closes yesterday's leftovers, prunes old
   * idempotency records, and makes this day's month the open month of the report rollups (the
   * month rows of a month that has ended are summed from its day rows; see migration 0007).
   */
  rollDayIfNeeded(): void {
    const now = this.clock.now();
    const day = serviceDayOf(now, this.config.site().timeZone);
    if (day === this.lastDay) return;
    const ctx = new CommandContext(this.store, this.config, this.runtime, SYSTEM, now);
    this.store.transaction(() => {
      expireStaleTickets(ctx);
      this.store.idempotency.pruneBefore(now - IDEMPOTENCY_KEEP_MS);
      this.store.reports.foldMonths(day.slice(0, 7));
    });
    this.lastDay = day;
    if (ctx.events.length > 0) {
      this.logger.info({ expired: ctx.events.length, day }, 'closed tickets left from earlier days');
      this.publish([ctx]);
    }
  }

  /** The domain work of one command; runs inside the group's transaction. */
  private run(actor: Actor, name: CommandName, input: unknown): { value: unknown; ctx: CommandContext | null } {
    if (!isSyncCommand(name)) throw new DomainError('UNKNOWN_COMMAND', `Lệnh ${name} chưa được bật trên máy chủ này`);
    const handler = HANDLERS[name] as (ctx: CommandContext, input: unknown) => unknown;
    if (READ_ONLY.has(name)) return { value: handler(this.readContext(actor), input), ctx: null };
    const { idempotencyKey: key, ...request } = input as { idempotencyKey?: string };
    const ctx = new CommandContext(this.store, this.config, this.runtime, actor, this.clock.now());
    // a key is valid for one actor on one service day, for one command with one payload
    const scope = `${actor.role}:${actor.id}:${ctx.day}`;
    if (key !== undefined) {
      const fingerprint = `${name}#${createHash('sha256').update(JSON.stringify(request)).digest('base64url')}`;
      const first = this.store.idempotency.get(scope, key);
      if (first) {
        if (first.command !== fingerprint) {
          throw new DomainError('CONFLICT', 'Khoá idempotency đã dùng cho một lệnh khác hoặc dữ liệu khác');
        }
        const replay = IDEMPOTENCY_RECORDS[name];
        return { value: replay ? replay.load(ctx, first.result) : first.result, ctx: null };
      }
      const value = handler(ctx, input);
      const record = IDEMPOTENCY_RECORDS[name];
      this.store.idempotency.put(scope, key, fingerprint, record ? record.save(value) : value, ctx.now);
      return { value, ctx };
    }
    return { value: handler(ctx, input), ctx };
  }

  /**
   * Hands the committed events of a group to the broadcaster as one frame; a broadcast problem
   * never turns a commit into an error.
   */
  private publish(ctxs: readonly CommandContext[]): void {
    // a group's configuration changes dropped the cache already, in `runOne`
    try {
      this.committed(
        ctxs.flatMap((c) => c.events),
        ctxs.flatMap((c) => c.notices),
        { devices: [], officers: [] },
      );
      for (const c of ctxs) {
        if (c.disconnect.devices.length > 0 || c.disconnect.officers.length > 0) this.committed([], [], c.disconnect);
      }
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
