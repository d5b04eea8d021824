import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterFault } from './faults';
import { checkPrinter, printTicket } from './print-ticket';
import { SAMPLE_TICKET } from './sample-ticket';
import { buildTicketJob } from './ticket-job';
import type { PrinterConfig } from './types';

/**
 * `printer:NAME` goes through the CUPS command-line clients. These tests put stand-ins for
 * `lpstat` and `lp` first on PATH (real processes, same arguments and output as CUPS).
 */
const LPSTAT = `#!/bin/sh
[ "$1" = "-p" ] || exit 2
case "$2" in
  kiosk) echo "printer kiosk is idle.  enabled since Mon 23 Nov 2026 09:00:00 AM +07" ;;
  paused) printf 'printer paused disabled since Mon 23 Nov 2026 09:00:00 AM +07 -\\n\\tPaused\\n' ;;
  hang) exec sleep 5 ;;
  *) echo "lpstat: Invalid destination name in list \\"$2\\"." >&2; exit 1 ;;
esac
`;
const LP = `#!/bin/sh
[ "$1" = "-d" ] && [ "$3" = "-o" ] && [ "$4" = "raw" ] || { echo "lp: bad arguments $*" >&2; exit 2; }
cat > "$FAKE_CUPS_DIR/$2.job"
echo "request id is $2-1 (1 file(s))"
`;

let dir = '';
const originalPath = process.env['PATH'];
const config = (name: string, timeoutMs = 2000): PrinterConfig => ({
  interface: `printer:${name}`,
  type: 'epson',
  paperWidth: 80,
  timeoutMs,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qms-cups-'));
  for (const [name, body] of [['lpstat', LPSTAT], ['lp', LP]] as const) {
    writeFileSync(join(dir, name), body);
    chmodSync(join(dir, name), 0o755);
  }
  process.env['PATH'] = `${dir}:${originalPath ?? '/usr/bin:/bin'}`;
  process.env['FAKE_CUPS_DIR'] = dir;
});

afterAll(() => {
  process.env['PATH'] = originalPath;
  rmSync(dir, { recursive: true, force: true });
});

describe('printer:NAME (CUPS)', () => {
  it('is ready when lpstat shows the queue enabled', async () => {
    expect(await checkPrinter(config('kiosk'))).toEqual({ ok: true });
  });

  it('is offline when the queue is missing or disabled', async () => {
    expect(await checkPrinter(config('nowhere'))).toMatchObject({ ok: false, fault: 'offline' });
    expect(await checkPrinter(config('paused'))).toMatchObject({ ok: false, fault: 'offline', message: /disabled/ });
  });

  it('times out when lpstat hangs', async () => {
    const started = Date.now();
    expect(await checkPrinter(config('hang', 300))).toMatchObject({ ok: false, fault: 'timeout' });
    // the hanging lpstat sleeps 5 s: it was cut short (slack for a busy machine)
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('is an error when CUPS is not installed', async () => {
    process.env['PATH'] = join(dir, 'empty');
    try {
      expect(await checkPrinter(config('kiosk'))).toMatchObject({ ok: false, fault: 'error', message: /CUPS/ });
    } finally {
      process.env['PATH'] = `${dir}:${originalPath ?? ''}`;
    }
  });

  it('sends exactly the ESC/POS job through lp -d NAME -o raw', async () => {
    const result = await printTicket(SAMPLE_TICKET, config('kiosk'));
    const sent = readFileSync(join(dir, 'kiosk.job'));
    expect(sent.equals(await buildTicketJob(SAMPLE_TICKET, config('kiosk')))).toBe(true);
    expect(result.bytes).toBe(sent.length);
  });

  it('does not print to a disabled queue', async () => {
    await expect(printTicket(SAMPLE_TICKET, config('paused'))).rejects.toSatisfy(
      (e) => e instanceof PrinterFault && e.fault === 'offline',
    );
  });
});
