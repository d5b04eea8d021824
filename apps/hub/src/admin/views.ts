import type { Counter } from '@qms/core';
import type { AdminCounter, AdminDevice, AdminOfficer, AdminSite } from '@qms/protocol';
import type { Device, OfficerInput } from '@qms/store';
import type { CommandContext } from '../domain/context';

export function adminSite(ctx: CommandContext): AdminSite {
  return { ...ctx.site, pickupFieldId: ctx.config.pickupFieldId() };
}

export function adminCounter(ctx: CommandContext, c: Counter): AdminCounter {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    kind: c.kind,
    fieldIds: c.fieldIds,
    enabled: c.enabled,
    status: c.status,
    officerName: c.officerId ? ctx.config.officerName(c.officerId) : null,
  };
}

/** No password hash, ever. */
export function adminOfficer(o: OfficerInput): AdminOfficer {
  return { id: o.id, username: o.username, fullName: o.fullName, role: o.role, enabled: o.enabled, lockedUntil: o.lockedUntil };
}

/** No token hash, ever. `online` is filled in by the socket layer when it knows. */
export function adminDevice(d: Device, online = 0): AdminDevice {
  return { id: d.id, kind: d.kind, name: d.name, settings: d.settings, createdAt: d.createdAt, revokedAt: d.revokedAt, online };
}
