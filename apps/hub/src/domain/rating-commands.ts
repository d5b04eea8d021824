import { DomainError, type Id, type RatingLevel } from '@qms/core';
import type { CommandContext } from './context';

/** A rating is taken within this long after "Hoàn thành"; later the tablet has moved on. */
export const RATING_WINDOW_MS = 10 * 60_000;

/**
 * Stores a citizen's satisfaction rating of a finished ticket, with the counter and officer who
 * served it. One rating per ticket; only shortly after it was finished.
 */
export function rateTicket(ctx: CommandContext, input: { ticketId: Id; level: RatingLevel }): { ticketId: Id; level: RatingLevel } {
  const t = ctx.ticket(input.ticketId);
  if (t.status !== 'done' || t.finishedAt === null) {
    throw new DomainError('FORBIDDEN', 'Chỉ đánh giá được lượt đã phục vụ xong', { ticketId: t.id });
  }
  if (ctx.now - t.finishedAt > RATING_WINDOW_MS) {
    throw new DomainError('FORBIDDEN', 'Đã hết thời gian đánh giá lượt này', { ticketId: t.id });
  }
  if (ctx.store.ratings.forTicket(t.id)) throw new DomainError('CONFLICT', 'Lượt này đã được đánh giá', { ticketId: t.id });
  ctx.store.ratings.save({
    ticketId: t.id,
    counterId: t.counterId,
    officerId: t.officerId,
    level: input.level,
    at: ctx.now,
    deviceId: ctx.actor.deviceId,
  });
  ctx.emit({ type: 'ticket:rated', ticketId: t.id, number: t.number, counterId: t.counterId, level: input.level }, {
    ticketId: t.id,
    counterId: t.counterId,
  });
  return { ticketId: t.id, level: input.level };
}
