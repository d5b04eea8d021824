/**
 * The preload/contextBridge boundary: `electron` is replaced by a recording fake (the only
 * mock in the kiosk tests), then the real preload.ts is loaded.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, KIOSK_CHANNELS, type TicketPrintData } from '../shared/bridge';

const recorded = vi.hoisted(() => ({
  exposed: [] as Array<{ key: string; api: unknown }>,
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.push({ key, api }),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      recorded.invoked.push(args);
      return { ok: true, data: { channel: args[0] } };
    },
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
  },
}));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly one object, under qmsKiosk', () => {
    expect(recorded.exposed.map((e) => e.key)).toEqual([BRIDGE_KEY]);
  });

  it('the object has exactly identity, print and printerStatus — all functions, nothing else', () => {
    const api = recorded.exposed[0]?.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['identity', 'print', 'printerStatus']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('each function invokes its own channel, passing only the ticket', async () => {
    const api = recorded.exposed[0]?.api as {
      identity: () => Promise<unknown>;
      print: (t: TicketPrintData, ...extra: unknown[]) => Promise<unknown>;
      printerStatus: () => Promise<unknown>;
    };
    const ticket = { number: '7' } as TicketPrintData;
    recorded.invoked.length = 0;
    await api.identity();
    await expect(api.print(ticket, 'kiosk:identity')).resolves.toEqual({ ok: true, data: { channel: KIOSK_CHANNELS.print } });
    await api.printerStatus();
    expect(recorded.invoked).toEqual([[KIOSK_CHANNELS.identity], [KIOSK_CHANNELS.print, ticket], [KIOSK_CHANNELS.printerStatus]]);
  });
});
