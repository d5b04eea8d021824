import { printerFromUrl } from '@qms/printer';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { data, waitFor } from '../support/client';
import { openPage, scanBurst, useBrowser } from '../support/browser';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { startTestHub, type TestHub } from '../support/test-hub';

const browser = useBrowser();
let h: TestHub;
let printer: FakePrinter;
/** Phones open the QR link at the hub's --public-url (ticket-qr-link.test.ts covers the other cases). */
const PUBLIC_URL = 'http://192.168.1.10:3000';
afterEach(async () => {
  await h.close();
  await printer.close();
});

async function setup(options: { kioskTicketsPerMinute?: number } = {}): Promise<void> {
  printer = await startFakePrinter();
  h = await startTestHub({ ...options, hubOptions: { defaultPrinter: printerFromUrl(printer.url), publicUrl: PUBLIC_URL } });
}

async function openKiosk(query = '', size: [number, number] = [1920, 1080]): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser(), size[0], size[1]);
  await opened.page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}${query}`);
  await opened.page.waitForSelector('.field-btn:not([disabled])');
  return opened;
}

describe('kiosk in Chromium', () => {
  it('tap a field: the ticket screen shows the number and the printer receives that exact ticket', async () => {
    await setup();
    await h.officerAt('canbo1', 'q1');
    const { page, errors } = await openKiosk();
    expect(page.url()).not.toContain('token='); // the device token does not stay on screen
    await page.click('[data-field="tu-phap-ho-tich"]');
    await page.waitForSelector('[data-testid=ticket]');
    const number = await page.textContent('[data-testid=ticket-number]');
    expect(number).toBe('1001');
    await page.waitForSelector('[data-print=printed]');
    expect(await page.textContent('[data-testid=print-status]')).toBe('Mời nhận vé');
    const [job] = await printer.waitForJobs(1);
    const ticket = h.store.db.prepare('SELECT id, number FROM tickets').get() as { id: string; number: string };
    expect(ticket.number).toBe(number);
    expect(job?.qrData).toBe(`${PUBLIC_URL}/t/${ticket.id}`);
    expect(job?.commands.filter((c) => c === 'raster').length).toBeGreaterThan(1);
    expect(job?.image?.width).toBeLessThanOrEqual(576);
    expect(await page.getAttribute('[data-testid=qr]', 'data-url')).toBe(`${PUBLIC_URL}/t/${ticket.id}`);
    expect(errors).toEqual([]);
  });

  it('printer offline: the number and QR stay on screen with a clear message, and the hub records the fault', async () => {
    await setup();
    await h.officerAt('canbo2', 'q2');
    printer.setMode('offline');
    const { page } = await openKiosk();
    await page.click('[data-field="chung-thuc"]');
    await page.waitForSelector('[data-print=failed]');
    expect(await page.textContent('[data-testid=ticket-number]')).toBe('2001');
    expect(await page.textContent('[data-testid=print-status]')).toContain('Máy in tạm thời không in được vé');
    expect(await page.isVisible('[data-testid=qr] svg')).toBe(true);
    expect(h.store.printerFaults.open().map((f) => f.fault)).toEqual(['offline']);
    printer.setMode('ok');
    await page.click('text=In lại vé');
    await page.waitForSelector('[data-print=printed]');
    expect(h.store.printerFaults.open()).toEqual([]);
  });

  it('hub unreachable: a banner, no ticket; it comes back by itself', async () => {
    await setup();
    await h.officerAt('canbo5', 'q5');
    const { page } = await openKiosk();
    await h.stopHub();
    await page.waitForSelector('[data-testid=connection-banner]');
    expect(await page.textContent('[data-testid=connection-banner]')).toContain('Mất kết nối');
    expect(await page.isDisabled('[data-field="cu-tru"]')).toBe(true);
    await page.click('[data-field="cu-tru"]', { force: true });
    await page.waitForTimeout(300);
    expect(await page.$('[data-testid=ticket]')).toBeNull();
    await h.startHub();
    await page.waitForSelector('[data-testid=connection-banner]', { state: 'detached', timeout: 10_000 });
    await page.click('[data-field="cu-tru"]');
    await page.waitForSelector('[data-testid=ticket]');
    expect(await page.textContent('[data-testid=ticket-number]')).toBe('6001');
  });

  it('priority path, English toggle, live waiting counts, idle return to home', async () => {
    await setup();
    await h.officerAt('canbo1', 'q1');
    // connected before the screen is used: between the last touch and the live count only one issue runs
    const other = h.kiosk();
    await other.ready();
    const { page } = await openKiosk('&idle=4');
    await page.click('text=Ưu tiên');
    await page.click('[data-group=elderly]');
    expect(await page.textContent('.home-lead')).toContain('Người cao tuổi');
    await page.click('[data-field="tu-phap-ho-tich"]');
    await page.waitForSelector('.ticket-priority');
    expect(await page.textContent('.ticket-priority')).toContain('Người cao tuổi');
    expect(h.store.db.prepare('SELECT priority_group AS g FROM tickets').get()).toEqual({ g: 'elderly' });
    await page.click('text=Xong');
    await page.click('text=English');
    expect(await page.textContent('[data-field="tu-phap-ho-tich"] .field-name')).toBe('Justice – Civil status');
    // another kiosk issues: the count on this screen follows live
    data(await other.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'live-count-1' }));
    await page.waitForFunction(() => document.querySelector('[data-field="tu-phap-ho-tich"] [data-testid=waiting]')?.textContent === 'Waiting: 2');
    // idle: back to Vietnamese home after 4 s without a touch
    await page.waitForFunction(() => document.querySelector('[data-field="tu-phap-ho-tich"] .field-name')?.textContent === 'Tư pháp – Hộ tịch', undefined, { timeout: 12_000 });
  });

  it('a field with no open counter asks before issuing; the anti-hoarding limit shows a polite message', async () => {
    await setup({ kioskTicketsPerMinute: 1 });
    const { page } = await openKiosk();
    await page.click('[data-field="kinh-doanh"]');
    await page.waitForSelector('.modal');
    expect(await page.textContent('.modal')).toContain('chưa có quầy mở');
    await page.click('text=Vẫn lấy số');
    await page.waitForSelector('[data-testid=ticket]');
    await page.click('text=Xong');
    await page.click('[data-field="kinh-doanh"]');
    await page.click('text=Vẫn lấy số');
    await page.waitForSelector('.home-error');
    expect(await page.textContent('.home-error')).toContain('chờ một phút');
    expect(await page.$('[data-testid=ticket]')).toBeNull();
  });

  it('the QR status page shows the position, then the call', async () => {
    await setup();
    const o = await h.officerAt('canbo5', 'q5');
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'qr-page-01' }));
    const mine = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'qr-page-02' })).ticket;
    const { page } = await openPage(browser(), 390, 844);
    await page.goto(`${h.url}/t/${mine.id}`);
    await page.waitForSelector('[data-testid=status-ahead]');
    expect(await page.textContent('[data-testid=status-number]')).toBe('6002');
    expect(await page.textContent('[data-testid=status-ahead]')).toBe('1');
    data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'qr-call-01' }));
    data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'qr-call-02' }));
    await page.waitForFunction(() => document.querySelector('[data-testid=status-headline]')?.textContent === 'Mời Ông/Bà đến quầy 5', undefined, { timeout: 15_000 }); // polls every 5 s
  });

  it('a barcode scanner burst is recognised and never lands in a focused input', async () => {
    await setup();
    const { page } = await openKiosk();
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'probe';
      document.body.appendChild(input);
      input.focus();
    });
    await page.keyboard.type('ab', { delay: 120 });
    await scanBurst(page, '000.00.00.H26-261123-0007');
    await page.waitForSelector('[data-testid=scan]');
    expect(await page.textContent('[data-testid=scan]')).toContain('000.00.00.H26-261123-0007');
    expect(await page.inputValue('#probe')).toBe('ab');
  });
});

describe('kiosk layout', () => {
  it.each([
    [1080, 1920],
    [1920, 1080],
  ])('no scrolling and touch targets >= 20 mm at %ix%i', async (w, hgt) => {
    await setup();
    const { page } = await openKiosk('', [w, hgt]);
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight - window.innerHeight,
      hscroll: document.documentElement.scrollWidth - window.innerWidth,
      smallest: Math.min(
        ...[...document.querySelectorAll('button')].map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)),
      ),
    }));
    expect(m.scroll).toBeLessThanOrEqual(0);
    expect(m.hscroll).toBeLessThanOrEqual(0);
    expect(m.smallest).toBeGreaterThanOrEqual(76); // 20 mm at 96 CSS px per inch
    await waitFor(() => true);
  });
});
