import { describe, expect, it } from 'vitest';
import { faultFromStatus, type StatusBytes } from './status-bytes';

const READY: StatusBytes = { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x12 };
const at = 'tcp://10.0.0.5:9100';

describe('faultFromStatus (DLE EOT 1..4)', () => {
  it('is ready when no bit is set (paper near end still prints)', () => {
    expect(faultFromStatus(READY, at)).toBeNull();
    expect(faultFromStatus({ ...READY, paperSensor: 0x12 | 0x0c }, at)).toBeNull();
  });

  it.each([
    ['cover open (DLE EOT 2 bit 2)', { printer: 0x1a, offlineCause: 0x16 }, 'cover_open'],
    ['paper end (DLE EOT 4 bits 5, 6)', { printer: 0x1a, paperSensor: 0x72 }, 'paper_out'],
    ['stopped on paper end (DLE EOT 2 bit 5)', { offlineCause: 0x32 }, 'paper_out'],
    ['cutter error (DLE EOT 3 bit 3)', { errorCause: 0x1a }, 'error'],
    ['error (DLE EOT 2 bit 6)', { offlineCause: 0x52 }, 'error'],
    ['offline for another reason (DLE EOT 1 bit 3)', { printer: 0x1a }, 'offline'],
  ] as const)('%s -> %s', (_name, bytes, fault) => {
    expect(faultFromStatus({ ...READY, ...bytes }, at)?.fault).toBe(fault);
  });

  it('names the fault in Vietnamese with the English detail', () => {
    expect(faultFromStatus({ ...READY, paperSensor: 0x7e }, at)?.message).toBe(
      'Máy in hết giấy (tcp://10.0.0.5:9100: paper end detected)',
    );
  });

  it('ignores bytes that are not status bytes, and refuses a printer that sends none', () => {
    expect(faultFromStatus({ ...READY, errorCause: 0xff }, at)).toBeNull();
    expect(faultFromStatus({ printer: 0, offlineCause: 0, errorCause: 0xff, paperSensor: 0x41 }, at)?.fault).toBe('error');
  });
});
