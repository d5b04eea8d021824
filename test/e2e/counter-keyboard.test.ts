import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, scanBurst, useBrowser } from '../support/browser';
import { data, type TestClient } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

/** Keyboard safety at the officer's desk (issue #21, items 1 and 2). */
const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

const CCCD_QR = '001090012345|012345678|Nguyễn Văn An|01011990|Nam|Số 5 Vĩnh Phúc, Ba Đình, Hà Nội|01012021';
/** Longer than the desk's hold (100 ms) and quiet (250 ms) times together, with room for a slow machine. */
const SETTLE_MS = 1000;

/** canbo1 at counter 1 serving 1001, three tickets issued, and a TV (display client) listening. */
async function serving(): Promise<{ page: Page; tv: TestClient }> {
  // today's code fires a burst of commands from one socket: let the hub take them, so the test shows it
  h = await startTestHub({ hubOptions: { rateLimits: { scale: 1000 } } });
  const kiosk = h.kiosk();
  await kiosk.ready();
  for (let i = 0; i < 3; i += 1) data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: `keyboard-${i}-kiosk` }));
  const tv = h.display();
  await tv.ready();
  const { page } = await openPage(browser(), 1440, 900);
  await signIn(page, h, 'canbo1');
  await page.click('[data-counter=q1]');
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  await page.click('[data-action=callNext]'); // the focus stays on "Gọi tiếp", as after a real click
  await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1001');
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  return { page, tv };
}

/** Ticket statuses by number, straight from the hub's database. */
function tickets(): Record<string, string> {
  const rows = h.store.db.prepare('SELECT number, status FROM tickets ORDER BY number').all() as Array<{ number: string; status: string }>;
  return Object.fromEntries(rows.map((r) => [r.number, r.status]));
}

/** Queue events (ticket or counter changes) the TV has received so far. */
const tvQueueEvents = (tv: TestClient): number => tv.events.filter((e) => e.type.startsWith('ticket:') || e.type.startsWith('counter:')).length;

const SERVING_1001 = { '1001': 'called', '1002': 'waiting', '1003': 'waiting' };

describe('counter keyboard: a scan or stray typing never acts on the queue', () => {
  it('a CCCD QR typed at scanner speed (5 ms a key, then Enter) on the desk changes nothing', async () => {
    const { page, tv } = await serving();
    const tvBefore = tvQueueEvents(tv);
    await page.keyboard.type(CCCD_QR, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(SETTLE_MS);
    // modified keys are never shortcuts either
    for (const k of ['Control+n', 'Alt+v', 'Control+s']) await page.keyboard.press(k);
    await page.waitForTimeout(SETTLE_MS);
    expect(tickets()).toEqual(SERVING_1001);
    expect(await page.textContent('[data-testid=current-number]')).toBe('1001');
    expect(tvQueueEvents(tv)).toBe(tvBefore);
    expect(await page.locator('[data-testid=number-dialog], [data-testid=transfer-dialog], [data-testid=noshow-dialog]').count()).toBe(0);
  });

  it('a scanner burst is routed to the new-dossier form, filled from the CCCD; the queue stays', async () => {
    const { page, tv } = await serving();
    const tvBefore = tvQueueEvents(tv);
    await scanBurst(page, CCCD_QR);
    await page.waitForSelector('[data-testid=dossier-dialog]');
    await page.waitForFunction(() => (document.querySelector('input[name=fullName]') as HTMLInputElement | null)?.value === 'Nguyễn Văn An');
    expect(await page.inputValue('input[name=cccd]')).toBe('001090012345');
    await page.waitForTimeout(SETTLE_MS);
    expect(tickets()).toEqual(SERVING_1001);
    expect(tvQueueEvents(tv)).toBe(tvBefore);
  });

  it('a single key press still works: N calls the next number', async () => {
    const { page } = await serving();
    await page.waitForTimeout(750); // two calls within 700 ms are one (a double press)
    await page.keyboard.press('n'); // "Gọi tiếp" calls 1002; 1001, called but never started, is a no-show
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1002');
    expect(tickets()).toEqual({ '1001': 'no_show', '1002': 'called', '1003': 'waiting' });
  });
});

describe('counter keyboard: dialogs own the keyboard', () => {
  it('N with the receipt open does nothing and the receipt stays; Esc closes it, then N works again', async () => {
    const { page, tv } = await serving();
    await page.click('[data-testid=create-dossier]');
    await page.waitForSelector('[data-testid=dossier-dialog]');
    await page.fill('input[name=fullName]', 'Trần Thị Bình');
    await page.click('[data-testid=dossier-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=receipt]');
    const RECEIVED = { '1001': 'serving', '1002': 'waiting', '1003': 'waiting' }; // receiving the dossier started 1001
    expect(tickets()).toEqual(RECEIVED);
    const tvBefore = tvQueueEvents(tv);
    await page.keyboard.press('n');
    await page.keyboard.press('N');
    await page.waitForTimeout(SETTLE_MS);
    expect(await page.isVisible('[data-testid=receipt]')).toBe(true);
    expect(tickets()).toEqual(RECEIVED);
    expect(tvQueueEvents(tv)).toBe(tvBefore);

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=receipt]', { state: 'detached' });
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1002');
  });

  it('the transfer and number dialogs take the focus, Esc closes them, and an error shows inside the dialog', async () => {
    const { page } = await serving();
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid=transfer-dialog]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('field');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=transfer-dialog]', { state: 'detached' });

    await page.waitForTimeout(400);
    await page.keyboard.press('s');
    await page.waitForSelector('[data-testid=number-dialog]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('number');
    await page.keyboard.type('9999'); // no such ticket today
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=number-dialog] [data-testid=dialog-error]');
    expect(await page.textContent('[data-testid=number-dialog] [data-testid=dialog-error]')).toContain('Không thực hiện được');
    expect(await page.locator('[data-testid=desk-error]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=number-dialog]', { state: 'detached' });
    expect(tickets()).toEqual(SERVING_1001);
  });

  it('"Vắng mặt" asks first with the focus on "Huỷ": Enter or Esc keep the ticket; confirming marks it and calls the next', async () => {
    const { page, tv } = await serving();
    const tvBefore = tvQueueEvents(tv);
    await page.keyboard.press('v');
    await page.waitForSelector('[data-testid=noshow-dialog]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Huỷ');
    await page.keyboard.press('Enter'); // on "Huỷ"
    await page.waitForSelector('[data-testid=noshow-dialog]', { state: 'detached' });
    await page.waitForTimeout(400);
    await page.click('[data-action=noShow]');
    await page.waitForSelector('[data-testid=noshow-dialog]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=noshow-dialog]', { state: 'detached' });
    await page.waitForTimeout(SETTLE_MS);
    expect(tickets()).toEqual(SERVING_1001);
    expect(tvQueueEvents(tv)).toBe(tvBefore);

    await page.keyboard.press('v');
    await page.click('[data-testid=noshow-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1002');
    expect(tickets()).toEqual({ '1001': 'no_show', '1002': 'called', '1003': 'waiting' });
  });
});
