import { printerFromUrl } from '@qms/printer';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data, type TestClient } from '../support/client';
import { startFakePrinter, type FakePrinter, type FakePrinterMode } from '../support/fake-printer';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
let printer: FakePrinter;
afterEach(async () => {
  await h.close();
  await printer.close();
});

let keys = 0;
/** One kiosk print a minute (the clock moves on), with the printer in `mode`; true if it printed. */
async function printOnce(kiosk: TestClient, mode: FakePrinterMode): Promise<boolean> {
  printer.setMode(mode);
  h.clock.advance(60_000);
  keys += 1;
  const t = data(await kiosk.send('ticket:issue', { fieldId: 'chung-thuc', idempotencyKey: `fault-issue-${keys}` })).ticket;
  const r = await kiosk.send('ticket:print', { ticketId: t.id });
  return r.ok;
}

/** The text a person sees in a part of the page, with the refresh the dashboard does after an event. */
async function textOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).innerText();
}

describe('printer faults on the admin dashboard, in Chromium', () => {
  it('ten failures make one row with count 10, first and last time, in Vietnamese; the history groups them too', async () => {
    printer = await startFakePrinter();
    h = await startTestHub({ hubOptions: { defaultPrinter: printerFromUrl(printer.url) } });
    const kiosk = h.kiosk();
    await kiosk.ready();
    const { page } = await openPage(browser(), 1440, 1000);
    await signIn(page, h, 'admin');
    await page.waitForSelector('[data-testid=dash-faults][data-faults="0"]');

    // ten prints fail on paper (09:01 … 09:10), then three on a printer that went off (09:11 … 09:13)
    for (let i = 0; i < 10; i += 1) expect(await printOnce(kiosk, 'paper_out')).toBe(false);
    for (let i = 0; i < 3; i += 1) expect(await printOnce(kiosk, 'offline')).toBe(false);

    await page.waitForSelector('[data-testid=dash-faults][data-faults="2"] li[data-kind=offline][data-count="3"]', { timeout: 10_000 });
    const rows = page.locator('[data-testid=dash-faults] li');
    expect(await rows.count()).toBe(2);
    const paper = await textOf(page, '[data-testid=dash-faults] li[data-kind=paper_out]');
    expect(paper).toContain('Ki-ốt sảnh chính');
    expect(paper).toContain('Hết giấy');
    expect(paper).toContain('10 lần · lần đầu 09:01 · lần cuối 09:10');
    const off = await textOf(page, '[data-testid=dash-faults] li[data-kind=offline]');
    expect(off).toContain('Mất kết nối');
    expect(off).toContain('3 lần · lần đầu 09:11 · lần cuối 09:13');
    // the history lists the same two, open
    await page.waitForSelector('[data-testid=fault-history][data-rows="2"]');
    const history = page.locator('[data-testid=fault-history] tr[data-kind=paper_out]');
    expect(await history.getAttribute('data-count')).toBe('10');
    expect(await history.locator('[data-testid=fault-first]').innerText()).toBe('09:01');
    expect(await history.locator('[data-testid=fault-last]').innerText()).toBe('09:10');
    expect(await history.locator('[data-testid=fault-state]').innerText()).toBe('Chưa khắc phục');
    // Vietnamese only: no English word, no socket error text, on the whole dashboard
    const shown = await page.locator('main, body').first().innerText();
    expect(shown).not.toMatch(/\berror\b/i);
    expect(shown).not.toMatch(/ECONNRESET|ECONNREFUSED|paper end|offline\b|paper_out/i);

    // the printer is fixed: a good print closes both; the history keeps them, resolved
    expect(await printOnce(kiosk, 'ok')).toBe(true);
    await page.waitForSelector('[data-testid=dash-faults][data-faults="0"]', { timeout: 10_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=fault-history]')?.textContent?.includes('Chưa khắc phục'));
    expect(await textOf(page, '[data-testid=fault-history] tr[data-kind=paper_out] [data-testid=fault-state]')).toBe('Đã khắc phục lúc 09:14');

    // two more paper failures later: one history row per kiosk and kind, counted across both spells
    for (let i = 0; i < 2; i += 1) expect(await printOnce(kiosk, 'paper_out')).toBe(false);
    await page.waitForSelector('[data-testid=fault-history] tr[data-kind=paper_out][data-count="12"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid=fault-history] tr').count()).toBe(3); // header + 2 kinds
    const again = page.locator('[data-testid=fault-history] tr[data-kind=paper_out]');
    expect(await again.locator('[data-testid=fault-count]').innerText()).toBe('12 (2 đợt)');
    expect(await again.locator('[data-testid=fault-first]').innerText()).toBe('09:01');
    expect(await again.locator('[data-testid=fault-last]').innerText()).toBe('09:16');
    expect(await again.locator('[data-testid=fault-state]').innerText()).toBe('Chưa khắc phục');
    expect(await textOf(page, '[data-testid=dash-faults] li[data-kind=paper_out]')).toContain('2 lần · lần đầu 09:15 · lần cuối 09:16');
    expect(await page.locator('body').innerText()).not.toMatch(/\berror\b/i);
  });
});
