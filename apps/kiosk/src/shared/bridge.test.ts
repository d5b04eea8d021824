import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIDGE_KEY, KIOSK_CHANNELS, KIOSK_ERROR_CODES, type KioskBridge } from './bridge';

describe('shared bridge contract', () => {
  it('imports types only, so the renderer can use it in a browser bundle', () => {
    const source = readFileSync(new URL('./bridge.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[0]);
    expect(imports).toEqual([
      "import type { PaperWidth, TicketPrintData } from '@qms/printer/types'",
    ]);
    expect(source).not.toMatch(/require\(|import\(/);
  });

  it('names one window property and three kiosk: channels', () => {
    expect(BRIDGE_KEY).toBe('qmsKiosk');
    expect(Object.keys(KIOSK_CHANNELS).sort()).toEqual(['identity', 'print', 'printerStatus']);
    for (const channel of Object.values(KIOSK_CHANNELS)) expect(channel).toMatch(/^kiosk:[a-zA-Z]+$/);
  });

  it('the global Window property has the bridge type', () => {
    const bridge: KioskBridge | undefined = ({} as Window)[BRIDGE_KEY];
    expect(bridge).toBeUndefined();
  });

  it('error codes are unique and include every printer fault and validation', () => {
    expect(new Set(KIOSK_ERROR_CODES).size).toBe(KIOSK_ERROR_CODES.length);
    expect(KIOSK_ERROR_CODES).toEqual(
      expect.arrayContaining([
        'PRINTER_OFFLINE',
        'PRINTER_PAPER_OUT',
        'PRINTER_COVER_OPEN',
        'PRINTER_TIMEOUT',
        'PRINTER_ERROR',
        'VALIDATION_FAILED',
      ]),
    );
  });
});
