import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

async function click(page: Page, action: string): Promise<void> {
  await page.click(`[data-action=${action}]:not([disabled])`);
}

/** The dashboard's "today" served / no-show, once they read `served` and `noShow`. */
async function dashboardShows(page: Page, served: number, noShow: number): Promise<void> {
  await page.waitForFunction(
    ([s, n]) =>
      document.querySelector('[data-testid=today-served] .stat-value')?.textContent === String(s) &&
      document.querySelector('[data-testid=today-noshow] .stat-value')?.textContent === String(n),
    [served, noShow] as const,
    { timeout: 10_000 },
  );
}

async function panelShows(page: Page, served: number, noShow: number): Promise<void> {
  await page.waitForFunction(
    ([s, n]) =>
      document.querySelector('[data-testid=served]')?.textContent === String(s) &&
      document.querySelector('[data-testid=no-shows]')?.textContent === String(n),
    [served, noShow] as const,
    { timeout: 10_000 },
  );
}

describe('counter figures and the dashboard agree, in Chromium', () => {
  it('a no-show called back by number and served counts served, not absent, on the panel and the dashboard alike', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    const t1 = data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'cs-issue-1' })).ticket;

    const desk = (await openPage(browser(), 1440, 900)).page;
    await signIn(desk, h, 'canbo1');
    await desk.click('[data-counter=q1]');
    const admin = (await openPage(browser(), 1440, 1000)).page;
    await signIn(admin, h, 'admin');
    await dashboardShows(admin, 0, 0);

    // called, the citizen is not there: Vắng mặt
    await click(desk, 'callNext');
    await desk.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1001');
    await click(desk, 'noShow');
    await desk.click('[data-testid=noshow-confirm]'); // "Vắng mặt, gọi tiếp"
    await desk.waitForSelector('[data-testid=current-empty]');
    await panelShows(desk, 0, 1);
    await dashboardShows(admin, 0, 1);

    // the citizen comes back: Gọi số cụ thể 1001, Bắt đầu, Hoàn thành
    await click(desk, 'number');
    await desk.fill('[data-testid=number-dialog] input[name=number]', t1.number);
    await desk.click('[data-testid=number-dialog] button[type=submit]');
    await desk.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1001');
    await click(desk, 'start');
    await desk.waitForSelector('.current.is-serving');
    await click(desk, 'finish');
    await desk.waitForSelector('[data-testid=current-empty]');

    await dashboardShows(admin, 1, 0);
    await panelShows(desk, 1, 0);
    // and after a reload the panel (from the hub's snapshot) still says the same
    await desk.reload();
    await panelShows(desk, 1, 0);
    expect([await desk.textContent('[data-testid=served]'), await desk.textContent('[data-testid=no-shows]')]).toEqual([
      await admin.textContent('[data-testid=today-served] .stat-value'),
      await admin.textContent('[data-testid=today-noshow] .stat-value'),
    ]);
  });
});
