import { EventEmitter } from 'node:events';
import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { type PolicySession, applySessionPolicy } from './session-policy';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

class FakeSession extends EventEmitter implements PolicySession {
  request: RequestHandler = null;
  check: CheckHandler = null;
  setPermissionRequestHandler(handler: RequestHandler): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler): void {
    this.check = handler;
  }
}

describe('applySessionPolicy', () => {
  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    const log: string[] = [];
    applySessionPolicy(session, (m) => log.push(m));
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'] as const) {
      let granted: boolean | undefined;
      session.request?.({} as never, permission, (g) => (granted = g), {} as never);
      expect(granted).toBe(false);
    }
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'usb', 'serial', 'hid'] as const) {
      expect(session.check?.(null, permission, 'http://hub', {} as never)).toBe(false);
    }
    expect(log).toContain('permission refused: media');
  });

  it('cancels downloads', () => {
    const session = new FakeSession();
    applySessionPolicy(session);
    let prevented = false;
    session.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
