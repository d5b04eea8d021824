import type { IncomingMessage } from 'node:http';
import { DomainError, type Clock } from '@qms/core';
import type { OfficerRecord, Store } from '@qms/store';
import { hashToken } from '../auth/secrets';
import type { Actor } from '../domain/context';
import { bearerToken } from './json';

/** The admin behind a request's `Authorization: Bearer <session token>`, or a DomainError. */
export function requireAdmin(req: IncomingMessage, store: Store, clock: Clock): OfficerRecord {
  const token = bearerToken(req);
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Cần đăng nhập (Authorization: Bearer <mã phiên>)');
  const officer = store.accounts.sessionOfficer(hashToken(token), clock.now());
  if (!officer || !officer.enabled) throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại');
  if (officer.role !== 'admin') throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được dùng chức năng này');
  return officer;
}

/** The actor of an admin's HTTP request (imports, personal data): what events and journals record. */
export function adminActor(admin: Pick<OfficerRecord, 'id' | 'fullName'>): Actor {
  return { role: 'admin', id: admin.id, name: admin.fullName, deviceId: null };
}
