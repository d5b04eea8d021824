import type { PowerSaveBlocker } from 'electron';

/**
 * Keeps the kiosk screen on: no screen saver, no display sleep while the shell runs.
 * Returns the blocker id (for `powerSaveBlocker.stop`). Calling it twice reuses the first id.
 */
export function keepDisplayAwake(blocker: Pick<PowerSaveBlocker, 'start' | 'isStarted'>, previousId?: number): number {
  if (previousId !== undefined && blocker.isStarted(previousId)) return previousId;
  return blocker.start('prevent-display-sleep');
}
