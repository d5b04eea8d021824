import { DomainError, serviceDayOf, type Counter, type Field, type Id, type Site, type Ticket } from '@qms/core';
import type { CounterView, FieldStats, HubEvent, HubEventBody, Role } from '@qms/protocol';
import type { Store } from '@qms/store';
import type { ConfigCache } from './config-cache';
import type { HubRuntime } from './runtime';
import { fieldStats } from './stats';
import { counterView } from './views';

/** Who sent a command: fixed at the socket handshake. */
export interface Actor {
  role: Role | 'system';
  /** Officer id for staff, device id for kiosks and displays. */
  id: Id;
  name: string;
  deviceId: Id | null;
  /** The socket the command came on, if any (kept open when its own account's sessions end). */
  socketId?: string;
}

export interface Notice {
  officerId: Id;
  code: 'COUNTER_TAKEN';
  message: string;
}

/**
 * What one command sees and produces inside its transaction: a consistent read of the
 * configuration, the time, and the events it appends (broadcast after commit).
 */
export class CommandContext {
  readonly now: number;
  readonly site: Site;
  readonly day: string;
  readonly events: HubEvent[] = [];
  readonly notices: Notice[] = [];
  /** The configuration changed: the cache is dropped after the commit. */
  configChanged = false;
  /** Sockets to end after the commit (a revoked or rotated device token, a disabled account). */
  readonly disconnect: { devices: string[]; officers: string[]; keepSocket?: string } = { devices: [], officers: [] };
  /** Counter states written by this command; the cache takes them only after the commit. */
  readonly changedCounters: Counter[] = [];
  private countersValue: Counter[] | null = null;

  constructor(
    readonly store: Store,
    readonly config: ConfigCache,
    readonly runtime: HubRuntime,
    readonly actor: Actor,
    now: number,
  ) {
    this.now = now;
    this.site = config.site();
    this.day = serviceDayOf(now, this.site.timeZone);
  }

  fields(): Field[] {
    return this.config.fields();
  }

  counters(): Counter[] {
    return this.countersValue ?? this.config.counters();
  }

  field(id: Id): Field {
    const f = this.fields().find((x) => x.id === id);
    if (!f) throw new DomainError('NOT_FOUND', `Không có lĩnh vực ${id}`, { fieldId: id });
    return f;
  }

  counter(id: Id): Counter {
    const c = this.counters().find((x) => x.id === id);
    if (!c || !c.enabled) throw new DomainError('NOT_FOUND', `Không có quầy ${id}`, { counterId: id });
    return c;
  }

  /** A ticket of today (tickets of earlier days are closed and cannot be acted on). */
  ticket(id: Id): Ticket {
    const t = this.store.tickets.byId(id);
    if (!t || t.serviceDay !== this.day) throw new DomainError('NOT_FOUND', `Không có vé ${id} hôm nay`, { ticketId: id });
    return t;
  }

  saveCounter(c: Counter): void {
    this.store.config.updateCounterState(c);
    this.countersValue = this.counters().map((x) => (x.id === c.id ? c : x));
    this.changedCounters.push(c);
  }

  /** Tickets called or being served at a counter now. */
  atCounter(counterId: Id): Ticket[] {
    return this.store.tickets.atCounter(this.day, counterId);
  }

  stats(fieldIds: Iterable<Id>): FieldStats[] {
    const counts = this.store.tickets.waitingCounts(this.day);
    return fieldStats(this.store, this.fields(), this.counters(), counts, new Set(fieldIds));
  }

  counterView(c: Counter): CounterView {
    const officerName = c.officerId ? this.config.officerName(c.officerId) : null;
    const current = this.atCounter(c.id)[0];
    return counterView(c, officerName, current?.id ?? null);
  }

  /** Appends the event row (same transaction) and queues the broadcast. */
  emit(body: HubEventBody, refs: { counterId?: Id | null; ticketId?: Id | null }): HubEvent {
    const stored = this.store.events.append({
      at: this.now,
      type: body.type,
      actorKind: this.actor.role,
      actorId: this.actor.id,
      deviceId: this.actor.deviceId,
      counterId: refs.counterId ?? null,
      ticketId: refs.ticketId ?? null,
      data: body,
    });
    const event = { ...body, seq: stored.seq, at: this.now } as HubEvent;
    this.events.push(event);
    return event;
  }
}
