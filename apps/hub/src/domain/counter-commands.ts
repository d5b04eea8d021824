import { DomainError, type Counter, type CounterStatus, type Id } from '@qms/core';
import type { CounterView } from '@qms/protocol';
import type { CommandContext } from './context';
import { counterForActor } from './ticket-commands';

function emitCounter(ctx: CommandContext, c: Counter): CounterView {
  const view = ctx.counterView(c);
  ctx.emit({ type: 'counter:changed', counter: view, stats: ctx.stats(c.fieldIds) }, { counterId: c.id });
  return view;
}

function setState(ctx: CommandContext, c: Counter, status: CounterStatus, officerId: Id | null): CounterView {
  const next: Counter = {
    ...c,
    status,
    officerId,
    consecutivePriorityCalls: status === 'closed' ? 0 : c.consecutivePriorityCalls,
  };
  ctx.saveCounter(next);
  return emitCounter(ctx, next);
}

/**
 * "Mở quầy": the officer takes the counter. A counter has one officer at a time: taking one held by
 * someone else needs `force` (the UI asks first) and that officer is told. An officer holds
 * one counter: any other counter they held is closed.
 */
export function openCounter(ctx: CommandContext, input: { counterId: Id; force: boolean }): CounterView {
  const counter = ctx.counter(input.counterId);
  const holder = counter.officerId;
  if (holder !== null && holder !== ctx.actor.id) {
    if (!input.force) {
      const name = ctx.store.accounts.officerById(holder)?.fullName ?? holder;
      throw new DomainError('COUNTER_BUSY', `Quầy ${counter.number} đang do ${name} phụ trách`, {
        counterId: counter.id,
        officerName: name,
      });
    }
    ctx.notices.push({
      officerId: holder,
      code: 'COUNTER_TAKEN',
      message: `Quầy ${counter.number} đã được ${ctx.actor.name} nhận`,
    });
  }
  for (const other of ctx.counters()) {
    if (other.id !== counter.id && other.officerId === ctx.actor.id) setState(ctx, other, 'closed', null);
  }
  return setState(ctx, counter, 'open', ctx.actor.id);
}

/** "Tạm nghỉ": the counter stays with its officer but takes no calls; displays show it paused. */
export function pauseCounter(ctx: CommandContext, input: { counterId: Id }): CounterView {
  const counter = counterForActor(ctx, input.counterId);
  return setState(ctx, counter, 'paused', counter.officerId);
}

/** The officer leaves the counter. */
export function closeCounter(ctx: CommandContext, input: { counterId: Id }): CounterView {
  const counter = counterForActor(ctx, input.counterId);
  return setState(ctx, counter, 'closed', null);
}
