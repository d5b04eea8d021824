import { DomainError } from '@qms/core';
import type { AdminDevice, AdminOfficer, CommandInput, DeviceWithToken } from '@qms/protocol';
import type { Device, OfficerInput } from '@qms/store';
import { PASSWORD_COST, hashPassword, hashToken, newToken } from '../auth/secrets';
import type { CommandExecutor } from '../commands/executor';
import type { Actor, CommandContext } from '../domain/context';
import { changed } from './config-commands';
import { adminDevice, adminOfficer } from './views';

/**
 * officer:save — create an account (password required) or edit one (a new password resets it and
 * clears a lockout). Hashing is slow on purpose, so it happens before the transaction.
 */
export async function saveOfficer(
  executor: CommandExecutor,
  actor: Actor,
  input: CommandInput<'officer:save'>,
  passwordCost = PASSWORD_COST,
): Promise<AdminOfficer> {
  if (!input.id && !input.password) throw new DomainError('VALIDATION_FAILED', 'Tài khoản mới cần mật khẩu (ít nhất 8 ký tự)');
  if (input.id === actor.id && (!input.enabled || input.role !== 'admin')) {
    throw new DomainError('FORBIDDEN', 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình');
  }
  const passwordHash = input.password ? await hashPassword(input.password, passwordCost) : null;
  return executor.transact(actor, (ctx) => {
    const existing = input.id ? ctx.store.accounts.officerById(input.id) : null;
    if (input.id && !existing) throw new DomainError('NOT_FOUND', 'Không có tài khoản này');
    const clash = ctx.store.accounts.officerByUsername(input.username);
    if (clash && clash.id !== input.id) throw new DomainError('CONFLICT', `Tên đăng nhập ${input.username} đã có người dùng`);
    const record: OfficerInput = {
      id: input.id ?? input.username,
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      enabled: input.enabled,
      passwordHash: passwordHash ?? existing?.passwordHash ?? '',
      failedLogins: 0,
      lockedUntil: passwordHash ? null : (existing?.lockedUntil ?? null),
    };
    ctx.store.accounts.saveOfficer(record, ctx.now);
    if (passwordHash && existing) ctx.store.accounts.recordLoginResult(record.id, 0, null);
    // a new password, a disabled account or another role: the old sessions end, live sockets too
    // (except the admin's own, whose answer would otherwise be lost)
    const roleChanged = existing !== null && existing.role !== record.role;
    if (existing && (!record.enabled || passwordHash || roleChanged)) {
      // a new account version: a login whose password check is still running opens nothing
      ctx.store.accounts.bumpAccountVersion(record.id);
      ctx.store.accounts.revokeSessionsOf(record.id, ctx.now);
      ctx.disconnect.officers.push(record.id);
      // an admin changing their own password keeps the socket they did it on (it gets the answer);
      // every other session of theirs ends, a stolen token with them
      if (record.id === actor.id && actor.socketId) ctx.disconnect.keepSocket = actor.socketId;
    }
    changed(ctx, 'officers');
    return adminOfficer(record);
  });
}

function deviceOrThrow(ctx: CommandContext, id: string): Device & { tokenHash: string } {
  const d = ctx.store.accounts.devices().find((x) => x.id === id);
  if (!d) throw new DomainError('NOT_FOUND', `Không có thiết bị ${id}`);
  return { ...d, tokenHash: ctx.store.accounts.deviceTokenHash(id) ?? '' };
}

/** device:save — a new device gets a token (shown once); an edit changes name and settings only. */
export function saveDevice(ctx: CommandContext, input: CommandInput<'device:save'>): AdminDevice | DeviceWithToken {
  if (input.id) {
    const d = deviceOrThrow(ctx, input.id);
    if (d.kind !== input.kind) throw new DomainError('VALIDATION_FAILED', 'Không đổi được loại thiết bị');
    const next: Device = { ...d, name: input.name, settings: input.settings };
    ctx.store.accounts.saveDevice(next, d.tokenHash);
    changed(ctx, 'devices');
    return adminDevice(next);
  }
  const token = newToken();
  const device: Device = { id: `${input.kind}-${crypto.randomUUID().slice(0, 8)}`, kind: input.kind, name: input.name, settings: input.settings, createdAt: ctx.now, revokedAt: null };
  ctx.store.accounts.saveDevice(device, hashToken(token));
  changed(ctx, 'devices');
  return { device: adminDevice(device), token };
}

/** A new token; the old one stops working at once (its sockets are ended). */
export function rotateDeviceToken(ctx: CommandContext, input: { id: string }): DeviceWithToken {
  const d = deviceOrThrow(ctx, input.id);
  const token = newToken();
  const next: Device = { ...d, revokedAt: null };
  ctx.store.accounts.saveDevice(next, hashToken(token));
  ctx.disconnect.devices.push(d.id);
  changed(ctx, 'devices');
  return { device: adminDevice(next), token };
}

export function revokeDevice(ctx: CommandContext, input: { id: string }): AdminDevice {
  const d = deviceOrThrow(ctx, input.id);
  const next: Device = { ...d, revokedAt: ctx.now };
  ctx.store.accounts.saveDevice(next, d.tokenHash);
  ctx.disconnect.devices.push(d.id);
  changed(ctx, 'devices');
  return adminDevice(next);
}
