import type { NetworkInterfaceInfo } from 'node:os';
import { printerFromUrl } from '@qms/printer';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { startTestHub, type TestHub } from '../support/test-hub';
import type { HubOptions } from '@qms/hub';
import { signIn } from '../support/sign-in';

/**
 * Issue #21 item 4: the QR on a ticket opens on a citizen's phone. Tests may only bind loopback,
 * so the LAN the hub sees (its interface list and a 0.0.0.0 listener) is injected; the hub itself
 * listens on 127.0.0.1 as every test hub does.
 */
const browser = useBrowser();
let h: TestHub;
let printer: FakePrinter;
afterEach(async () => {
  await h.close();
  await printer.close();
});

function ipv4(address: string, internal: boolean): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal, cidr: `${address}/24` };
}
const WARD_PC = { lo: [ipv4('127.0.0.1', true)], docker0: [ipv4('172.17.0.1', false)], wlan0: [ipv4('192.168.1.23', false)] };

async function setup(hubOptions: Partial<HubOptions>): Promise<void> {
  printer = await startFakePrinter();
  h = await startTestHub({ hubOptions: { defaultPrinter: printerFromUrl(printer.url), ...hubOptions } });
  await h.officerAt('canbo1', 'q1');
}

async function takeTicket(): Promise<{ page: Page; ticketId: string }> {
  const { page } = await openPage(browser(), 1920, 1080);
  await page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
  await page.waitForSelector('.field-btn:not([disabled])');
  await page.click('[data-field="tu-phap-ho-tich"]');
  await page.waitForSelector('[data-print=printed]');
  const ticket = h.store.db.prepare('SELECT id FROM tickets').get() as { id: string };
  return { page, ticketId: ticket.id };
}

const LOOPBACK = /^https?:\/\/(127\.|localhost|\[::1\]|0\.0\.0\.0|\[::\])/;

describe('the ticket QR on a citizen\'s phone', () => {
  it('a hub on 0.0.0.0 without --public-url prints its LAN address in the QR, never 127.0.0.1', async () => {
    await setup({ publicUrl: null, network: { listenHost: '0.0.0.0', interfaces: () => WARD_PC } });
    const { page, ticketId } = await takeTicket();
    const [job] = await printer.waitForJobs(1);
    const port = new URL(h.url).port;
    // the QR payload as the printer received it (GS ( k store command, decoded from the bytes)
    expect(job?.commands).toContain('qr');
    expect(job?.qrData).toBe(`http://192.168.1.23:${port}/t/${ticketId}`);
    expect(job?.qrData).not.toMatch(LOOPBACK);
    // the kiosk's on-screen QR carries the same link, although the kiosk page itself is on 127.0.0.1
    expect(await page.getAttribute('[data-testid=qr]', 'data-url')).toBe(job?.qrData);
  });

  it('--public-url wins over the LAN address', async () => {
    await setup({ publicUrl: 'https://xephang.phuong-demo.gov.vn/', network: { listenHost: '0.0.0.0', interfaces: () => WARD_PC } });
    const { ticketId } = await takeTicket();
    const [job] = await printer.waitForJobs(1);
    expect(job?.qrData).toBe(`https://xephang.phuong-demo.gov.vn/t/${ticketId}`);
  });

  it('no address phones can reach: the ticket prints without a QR, the kiosk shows none, the dashboard warns', async () => {
    await setup({ publicUrl: null }); // listening on 127.0.0.1 only, as the test hub does
    const { page } = await takeTicket();
    const [job] = await printer.waitForJobs(1);
    expect(job?.commands).not.toContain('qr');
    expect(job?.qrData).toBeNull();
    expect(job?.bytes.includes(Buffer.from('127.0.0.1'))).toBe(false);
    expect(job?.commands.filter((c) => c === 'raster').length).toBeGreaterThan(0); // the ticket itself printed
    expect(await page.textContent('[data-testid=ticket-number]')).toBe('1001');
    expect(await page.$('[data-testid=qr]')).toBeNull();

    const admin = (await openPage(browser(), 1440, 900)).page;
    await signIn(admin, h, 'admin');
    await admin.waitForSelector('[data-testid=dash-phone-link]');
    const warning = (await admin.textContent('[data-testid=dash-phone-link]')) ?? '';
    expect(warning).toContain('Liên kết trên điện thoại đang tắt');
    expect(warning).toContain('--public-url');
    expect(warning.normalize('NFC')).toBe(warning);
  });

  it('with a usable address the dashboard shows no such warning', async () => {
    await setup({ publicUrl: null, network: { listenHost: '0.0.0.0', interfaces: () => WARD_PC } });
    const admin = (await openPage(browser(), 1440, 900)).page;
    await signIn(admin, h, 'admin');
    await admin.waitForSelector('[data-testid=dash-today]');
    expect(await admin.$('[data-testid=dash-phone-link]')).toBeNull();
  });
});
