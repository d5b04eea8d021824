import type { ServerResponse } from 'node:http';
import { estimateWaitMinutes, ranksAsPriority } from '@qms/core';
import type { CommandExecutor } from '../commands/executor';
import type { Actor } from '../domain/context';
import { fieldAverageServiceMs, openCountersFor } from '../domain/stats';
import { sendError, sendJson } from './json';

const PUBLIC: Actor = { role: 'system', id: 'public', name: 'public', deviceId: null };

/** What the ticket's QR page may show: the number, its queue and its call. Nothing personal. */
export interface PublicTicketStatus {
  id: string;
  number: string;
  fieldNameVi: string;
  fieldNameEn: string;
  status: string;
  /** Whether the ticket ranks as priority under the site's policy now (a disabled group does not). */
  priority: boolean;
  issuedAt: number;
  peopleAhead: number | null;
  estimatedWaitMinutes: number | null;
  counterNumber: number | null;
  calledAt: number | null;
  siteName: string;
  timeZone: string;
  serviceDay: string;
  today: boolean;
  now: number;
}

export function publicTicketStatus(executor: CommandExecutor, id: string): PublicTicketStatus | null {
  const ctx = executor.readContext(PUBLIC);
  const t = ctx.store.tickets.byId(id);
  if (!t) return null;
  const field = ctx.fields().find((f) => f.id === t.fieldId);
  const counter = t.counterId ? ctx.counters().find((c) => c.id === t.counterId) : null;
  const waiting = t.status === 'waiting' && t.serviceDay === ctx.day;
  const ahead = waiting ? ctx.store.tickets.countAhead(t, ctx.site.priority) : null;
  return {
    id: t.id,
    number: t.number,
    fieldNameVi: field?.nameVi ?? '',
    fieldNameEn: field?.nameEn ?? '',
    status: t.serviceDay === ctx.day ? t.status : 'expired',
    priority: ranksAsPriority(t, ctx.site.priority),
    issuedAt: t.issuedAt,
    peopleAhead: ahead,
    estimatedWaitMinutes:
      ahead === null || !field
        ? null
        : estimateWaitMinutes({
            peopleAhead: ahead,
            openCounters: openCountersFor(field.id, ctx.counters()),
            avgServiceMs: fieldAverageServiceMs(ctx.store, field),
          }),
    counterNumber: counter?.number ?? null,
    calledAt: t.calledAt,
    siteName: ctx.site.name,
    timeZone: ctx.site.timeZone,
    serviceDay: t.serviceDay,
    today: t.serviceDay === ctx.day,
    now: ctx.now,
  };
}

const ID = /^[\w-]{1,64}$/;

export function handlePublicTicket(res: ServerResponse, executor: CommandExecutor, id: string): void {
  if (!ID.test(id)) return sendError(res, 'VALIDATION_FAILED', 'Mã vé không hợp lệ');
  const status = publicTicketStatus(executor, id);
  if (!status) return sendError(res, 'NOT_FOUND', 'Không tìm thấy vé');
  sendJson(res, 200, { ok: true, data: status });
}
