import type { Id, Officer, StaffRole } from '@qms/core';
import type { Db } from './db';

export interface OfficerRecord extends Officer {
  passwordHash: string;
  failedLogins: number;
  lockedUntil: number | null;
  /** Raised by `bumpAccountVersion` when the account is disabled, demoted or reset (migration 0008). */
  accountVersion: number;
}

/** An officer as written by `saveOfficer`: the account version is only ever raised by `bumpAccountVersion`. */
export type OfficerInput = Omit<OfficerRecord, 'accountVersion'> & { accountVersion?: number };

export type DeviceKind = 'kiosk' | 'display';

export interface Device {
  id: Id;
  kind: DeviceKind;
  name: string;
  settings: Record<string, unknown>;
  createdAt: number;
  revokedAt: number | null;
}

interface OfficerRow {
  id: string;
  username: string;
  full_name: string;
  role: string;
  password_hash: string;
  enabled: number;
  failed_logins: number;
  locked_until: number | null;
  account_version: number;
}
interface DeviceRow {
  id: string;
  kind: string;
  name: string;
  settings_json: string;
  created_at: number;
  revoked_at: number | null;
}

function toOfficer(r: OfficerRow): OfficerRecord {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role as StaffRole,
    enabled: r.enabled === 1,
    passwordHash: r.password_hash,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    accountVersion: r.account_version,
  };
}

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    kind: r.kind as DeviceKind,
    name: r.name,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** Officers (staff accounts), their login sessions, and devices (kiosks, displays) with hashed tokens. */
export class AccountRepo {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  officerByUsername(username: string): OfficerRecord | null {
    const row = this.db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE username = ?').get(username);
    return row ? toOfficer(row) : null;
  }

  officerById(id: Id): OfficerRecord | null {
    const row = this.db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE id = ?').get(id);
    return row ? toOfficer(row) : null;
  }

  officers(): OfficerRecord[] {
    return this.db.prepare<[], OfficerRow>('SELECT * FROM officers ORDER BY username').all().map(toOfficer);
  }

  saveOfficer(o: OfficerInput, at: number): void {
    this.db
      .prepare(`INSERT INTO officers (id, username, full_name, role, password_hash, enabled, failed_logins, locked_until, created_at)
        VALUES (@id, @username, @fullName, @role, @passwordHash, @enabled, @failedLogins, @lockedUntil, @at)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username, full_name = excluded.full_name,
          role = excluded.role, password_hash = excluded.password_hash, enabled = excluded.enabled`)
      .run({ ...o, enabled: o.enabled ? 1 : 0, at });
  }

  /**
   * Counts a login attempt as failed BEFORE the password is checked (one atomic UPDATE), so
   * attempts sent in parallel cannot all read the same count; a good password resets it.
   * Returns the count and the lock after this attempt.
   */
  countAttempt(id: Id, at: number, maxFailures: number, lockoutMs: number): { failedLogins: number; lockedUntil: number | null } {
    const row = this.db
      .prepare<[{ max: number; at: number; lock: number; id: string }], { failed_logins: number; locked_until: number | null }>(
        `UPDATE officers SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= @max THEN CAST(@at AS INTEGER) + CAST(@lock AS INTEGER) ELSE locked_until END
         WHERE id = @id RETURNING failed_logins, locked_until`,
      )
      .get({ max: maxFailures, at, lock: lockoutMs, id });
    return { failedLogins: row?.failed_logins ?? 0, lockedUntil: row?.locked_until ?? null };
  }

  /** Marks every grant made to the account so far as stale (sessions, live sockets); returns the new version. */
  bumpAccountVersion(id: Id): number {
    const row = this.db
      .prepare<[string], { v: number }>('UPDATE officers SET account_version = account_version + 1 WHERE id = ? RETURNING account_version AS v')
      .get(id);
    return row?.v ?? 0;
  }

  recordLoginResult(id: Id, failedLogins: number, lockedUntil: number | null): void {
    this.db.prepare('UPDATE officers SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failedLogins, lockedUntil, id);
  }

  /** A session under the account's current version (fixtures, tools); a login uses `openSession`. */
  createSession(tokenHash: string, officerId: Id, at: number, expiresAt: number): void {
    this.db
      .prepare(`INSERT INTO sessions (token_hash, officer_id, created_at, expires_at, account_version)
        VALUES (?, ?, ?, ?, COALESCE((SELECT account_version FROM officers WHERE id = ?), 0))`)
      .run(tokenHash, officerId, at, expiresAt, officerId);
  }

  /**
   * Opens a session for a login only if the account is still enabled and still at the version the
   * password was checked against: one statement, so a change committed meanwhile cannot slip
   * between the check and the insert. Returns whether a session was opened.
   */
  openSession(tokenHash: string, officerId: Id, accountVersion: number, at: number, expiresAt: number): boolean {
    return (
      this.db
        .prepare(`INSERT INTO sessions (token_hash, officer_id, created_at, expires_at, account_version)
          SELECT ?, id, ?, ?, account_version FROM officers WHERE id = ? AND account_version = ? AND enabled = 1`)
        .run(tokenHash, at, expiresAt, officerId, accountVersion).changes === 1
    );
  }

  /** The officer of a live session: unexpired, unrevoked, and opened under the account's current version. */
  sessionOfficer(tokenHash: string, at: number): OfficerRecord | null {
    const row = this.db
      .prepare<[string, number], OfficerRow>(`SELECT o.* FROM sessions s JOIN officers o ON o.id = s.officer_id
        WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.account_version = o.account_version`)
      .get(tokenHash, at);
    return row ? toOfficer(row) : null;
  }

  /** Ends every live session of an officer (password reset, account disabled, role changed). */
  revokeSessionsOf(officerId: Id, at: number): number {
    return this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE officer_id = ? AND revoked_at IS NULL').run(at, officerId).changes;
  }

  revokeSession(tokenHash: string, at: number): void {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash);
  }

  saveDevice(d: Device, tokenHash: string): void {
    this.db
      .prepare(`INSERT INTO devices (id, kind, name, token_hash, settings_json, created_at, revoked_at)
        VALUES (@id, @kind, @name, @tokenHash, @settings, @createdAt, @revokedAt)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, token_hash = excluded.token_hash,
          settings_json = excluded.settings_json, revoked_at = excluded.revoked_at`)
      .run({ ...d, tokenHash, settings: JSON.stringify(d.settings) });
  }

  deviceTokenHash(id: Id): string | null {
    return this.db.prepare<[string], { token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?').get(id)?.token_hash ?? null;
  }

  deviceByTokenHash(tokenHash: string): Device | null {
    const row = this.db
      .prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL')
      .get(tokenHash);
    return row ? toDevice(row) : null;
  }

  devices(): Device[] {
    return this.db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY kind, name').all().map(toDevice);
  }
}
