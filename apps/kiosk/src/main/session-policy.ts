import type { Session } from 'electron';

/** The part of `Session` the policy uses; Electron's `Session` satisfies it. */
export interface PolicySession extends Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * The kiosk page needs no browser permission (camera, microphone, geolocation, notifications,
 * clipboard, USB/serial/HID, external protocols...) and never downloads a file: refuse all of it.
 * The printer is reached through the bridge, not through a web permission.
 */
export function applySessionPolicy(session: PolicySession, log: (message: string) => void = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => {
    log('download refused');
    event.preventDefault();
  });
}
