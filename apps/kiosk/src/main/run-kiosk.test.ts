/** The dev launcher (scripts/run-kiosk.mjs): only its pure parts; starting Electron needs the binary. */
import { describe, expect, it } from 'vitest';
import { electronBinaryInstalled, passThroughArgs } from '../../scripts/run-kiosk.mjs';

describe('run-kiosk', () => {
  it('makes --config absolute against the directory npm was started from', () => {
    expect(passThroughArgs(['--config', 'kiosk.json'], '/home/op/site')).toEqual(['--config', '/home/op/site/kiosk.json']);
    expect(passThroughArgs(['--config=../k.json'], '/home/op/site')).toEqual(['--config=/home/op/k.json']);
    expect(passThroughArgs(['--config', '/etc/qms/k.json', '--enable-logging'], '/x')).toEqual([
      '--config',
      '/etc/qms/k.json',
      '--enable-logging',
    ]);
    expect(passThroughArgs(['--config'], '/x')).toEqual(['--config']);
  });

  it('importing the launcher neither downloads nor starts anything', () => {
    expect(typeof electronBinaryInstalled()).toBe('boolean');
  });
});
