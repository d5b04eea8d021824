import { DomainError, validateNumberFormat, type CalendarEntry, type Counter, type Field, type Id, type Procedure } from '@qms/core';
import type { AdminConfig, AdminCounter, AdminSite, CommandInput } from '@qms/protocol';
import type { CommandContext } from '../domain/context';
import { adminCounter, adminDevice, adminOfficer, adminSite } from './views';

type Section = 'site' | 'holidays' | 'fields' | 'procedures' | 'counters' | 'officers' | 'devices';

/** Every configuration change: one event row (who, what, when), the cache dropped, clients told to resync. */
export function changed(ctx: CommandContext, section: Section): void {
  ctx.configChanged = true;
  ctx.emit({ type: 'config:changed', section }, {});
}

/** SQLite's UNIQUE failures become a clear CONFLICT instead of INTERNAL. */
function unique<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError('CONFLICT', `${what} đã tồn tại`);
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new DomainError('NOT_FOUND', `${what}: tham chiếu không tồn tại`);
    throw e;
  }
}

export function getConfig(ctx: CommandContext): AdminConfig {
  return {
    site: adminSite(ctx),
    holidays: ctx.store.dossiers.holidayList(),
    fields: ctx.fields(),
    procedures: ctx.config.procedures(),
    counters: ctx.counters().map((c) => adminCounter(ctx, c)),
    officers: ctx.store.accounts.officers().map(adminOfficer),
    devices: ctx.store.accounts.devices().map((d) => adminDevice(d, ctx.runtime.presence().get(d.id) ?? 0)),
  };
}

export function updateSite(ctx: CommandContext, input: CommandInput<'site:update'>): AdminSite {
  if (input.pickupFieldId !== null) ctx.field(input.pickupFieldId);
  for (const h of input.openingHours) {
    if (h.open >= h.close) throw new DomainError('VALIDATION_FAILED', `Giờ mở ${h.open} phải trước giờ đóng ${h.close}`);
  }
  const { pickupFieldId, ...site } = input;
  ctx.store.config.saveSite({ ...ctx.site, ...site }, ctx.now);
  ctx.store.config.setPickupFieldId(pickupFieldId);
  changed(ctx, 'site');
  return { ...ctx.site, ...site, pickupFieldId };
}

/** Replaces the site's calendar entries (one a day) over the default holidays. */
export function setHolidays(ctx: CommandContext, input: CommandInput<'holidays:set'>): CalendarEntry[] {
  const seen = new Set<string>();
  for (const h of input.holidays) {
    if (seen.has(h.day)) throw new DomainError('VALIDATION_FAILED', `Ngày ${h.day} có hai mục trong lịch`, { day: h.day });
    seen.add(h.day);
  }
  ctx.store.dossiers.replaceHolidays(input.holidays);
  changed(ctx, 'holidays');
  return ctx.store.dossiers.holidayList();
}

export function saveField(ctx: CommandContext, input: CommandInput<'field:save'>): Field {
  validateNumberFormat(input.numberFormat);
  const field: Field = { ...input, id: input.id ?? input.code };
  if (input.id) ctx.field(input.id);
  else if (ctx.fields().some((f) => f.id === field.id || f.code === input.code)) {
    throw new DomainError('CONFLICT', `Lĩnh vực ${input.code} đã tồn tại`);
  }
  unique(`Lĩnh vực ${input.code}`, () => ctx.store.config.saveField(field));
  changed(ctx, 'fields');
  return field;
}

export function reorderFields(ctx: CommandContext, input: { ids: Id[] }): Field[] {
  const fields = ctx.fields();
  if (input.ids.length !== fields.length || !fields.every((f) => input.ids.includes(f.id))) {
    throw new DomainError('VALIDATION_FAILED', 'Thứ tự phải gồm đúng tất cả các lĩnh vực');
  }
  const ordered = input.ids.map((id, i) => ({ ...ctx.field(id), sortOrder: i + 1 }));
  for (const f of ordered) ctx.store.config.saveField(f);
  changed(ctx, 'fields');
  return ordered;
}

export function saveProcedure(ctx: CommandContext, input: CommandInput<'procedure:save'>): Procedure {
  ctx.field(input.fieldId);
  if (input.id && !ctx.config.procedures().some((x) => x.id === input.id)) {
    throw new DomainError('NOT_FOUND', `Không có thủ tục ${input.id}`);
  }
  const before = input.id ? ctx.config.procedures().find((x) => x.id === input.id) : undefined;
  // a client that does not send the documents (an older admin screen) leaves them as they are
  const documents = input.documents ?? before?.documents ?? [];
  const p: Procedure = { ...input, documents, id: input.id ?? `tt-${input.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` };
  if (!input.id && ctx.config.procedures().some((x) => x.id === p.id || x.code === p.code)) {
    throw new DomainError('CONFLICT', `Thủ tục ${input.code} đã tồn tại`);
  }
  unique(`Thủ tục ${input.code}`, () => ctx.store.dossiers.saveProcedure(p));
  changed(ctx, 'procedures');
  return p;
}

export function saveCounter(ctx: CommandContext, input: CommandInput<'counter:save'>): AdminCounter {
  input.fieldIds.forEach((id) => ctx.field(id));
  const existing = input.id ? ctx.counters().find((c) => c.id === input.id) : undefined;
  if (input.id && !existing) throw new DomainError('NOT_FOUND', `Không có quầy ${input.id}`);
  const sameNumber = ctx.store.config.counters().find((c) => c.number === input.number || (!input.id && c.id === `q${input.number}`));
  if (sameNumber && sameNumber.id !== input.id) throw new DomainError('CONFLICT', `Quầy số ${input.number} đã tồn tại`);
  const counter: Counter = {
    id: input.id ?? `q${input.number}`,
    number: input.number,
    name: input.name,
    kind: input.kind,
    fieldIds: [...new Set(input.fieldIds)],
    enabled: input.enabled,
    status: existing?.status ?? 'closed',
    officerId: existing?.officerId ?? null,
    consecutivePriorityCalls: existing?.consecutivePriorityCalls ?? 0,
  };
  unique(`Quầy số ${input.number}`, () => ctx.store.config.saveCounter(counter));
  changed(ctx, 'counters');
  return adminCounter(ctx, counter);
}
