import { isDomainError } from '@qms/core';
import { PROTOCOL_VERSION, handshakeAuthSchema, type ConnectErrorData, type SocketData } from '@qms/protocol';
import type { OfficerRecord } from '@qms/store';
import { checkPassword, type LoginDeps } from '../auth/login';
import { hashToken } from '../auth/secrets';

export class ConnectError extends Error {
  readonly data: ConnectErrorData;
  constructor(data: ConnectErrorData) {
    super(data.code);
    this.data = data;
  }
}

/**
 * Decides who a connecting socket is, from its handshake `auth`: a device token (kiosk, display),
 * an officer session token, or username + password. Anything else is refused. A staff socket
 * carries the account version it was granted under and, for a password login, its own expiry
 * (now + the session lifetime): staff-access.ts ends it when either no longer holds.
 */
export async function authenticate(login: LoginDeps, auth: unknown, address: string): Promise<SocketData> {
  const { store, clock } = login;
  const parsed = handshakeAuthSchema.safeParse(auth);
  if (!parsed.success) {
    const version = (auth as { protocolVersion?: unknown } | null)?.protocolVersion;
    if (typeof version === 'number' && version !== PROTOCOL_VERSION) throw versionError(version);
    throw new ConnectError({ code: 'UNAUTHENTICATED', message: 'Thiếu hoặc sai thông tin xác thực' });
  }
  const a = parsed.data;
  if (a.protocolVersion !== PROTOCOL_VERSION) throw versionError(a.protocolVersion);
  if (a.kind === 'device') {
    const tokenHash = hashToken(a.token);
    const device = store.accounts.deviceByTokenHash(tokenHash);
    if (!device) throw new ConnectError({ code: 'UNAUTHENTICATED', message: 'Mã thiết bị không hợp lệ hoặc đã bị thu hồi' });
    return { role: device.kind, actorId: device.id, name: device.name, deviceId: device.id, sessionTokenHash: null, accountVersion: null, expiresAt: null };
  }
  if (a.kind === 'session') {
    const tokenHash = hashToken(a.token);
    const officer = store.accounts.sessionOfficer(tokenHash, clock.now());
    if (!officer || !officer.enabled) {
      throw new ConnectError({ code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại' });
    }
    return { ...staff(officer), sessionTokenHash: tokenHash, expiresAt: null };
  }
  try {
    const officer = await checkPassword(login, { username: a.username, address, via: 'socket' }, a.password);
    return { ...staff(officer), sessionTokenHash: null, expiresAt: clock.now() + login.policy.sessionTtlMs };
  } catch (e) {
    if (isDomainError(e) && e.code === 'ACCOUNT_LOCKED') throw new ConnectError({ code: 'ACCOUNT_LOCKED', message: e.message });
    if (isDomainError(e) && e.code === 'RATE_LIMITED') throw new ConnectError({ code: 'RATE_LIMITED', message: e.message });
    if (isDomainError(e)) throw new ConnectError({ code: 'UNAUTHENTICATED', message: e.message });
    throw e;
  }
}

function staff(officer: OfficerRecord): Pick<SocketData, 'role' | 'actorId' | 'name' | 'deviceId' | 'accountVersion'> {
  return { role: officer.role, actorId: officer.id, name: officer.fullName, deviceId: null, accountVersion: officer.accountVersion };
}

function versionError(version: number): ConnectError {
  return new ConnectError({
    code: 'PROTOCOL_VERSION',
    message: `Phiên bản giao thức ${version} không khớp với máy chủ (${PROTOCOL_VERSION}); hãy cập nhật ứng dụng`,
  });
}

