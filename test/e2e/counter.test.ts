import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data, waitFor } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

const password = (u: string): string => h.creds.officers.find((o) => o.username === u)?.password ?? '';

async function signIn(username: string, query = '', pass = password(username)): Promise<Page> {
  const { page } = await openPage(browser(), 1440, 900);
  await page.goto(`${h.url}/counter/${query}`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', pass);
  await page.click('button[type=submit]');
  return page;
}

async function atCounter(username: string, counterId: string): Promise<Page> {
  const page = await signIn(username);
  await page.click(`[data-counter=${counterId}]`);
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  return page;
}

async function issue(fieldId: string, n: number, prefix: string): Promise<void> {
  const kiosk = h.kiosk();
  await kiosk.ready();
  for (let i = 0; i < n; i += 1) data(await kiosk.send('ticket:issue', { fieldId, idempotencyKey: `${prefix}-${i}-kiosk` }));
}

const currentNumber = (page: Page): Promise<string | null> => page.textContent('[data-testid=current-number]');

/** Presses an action's key once its button is enabled (the previous command has been acknowledged). */
async function press(page: Page, action: string, key: string): Promise<void> {
  await page.waitForSelector(`[data-action=${action}]:not([disabled])`);
  await page.keyboard.press(key);
}

describe('counter app in Chromium', () => {
  it('log in, call next, recall, no-show (next follows), start, finish, and the tablet takes a rating', async () => {
    h = await startTestHub();
    await issue('tu-phap-ho-tich', 3, 'flow');
    const page = await atCounter('canbo1', 'q1');
    const tablet = (await openPage(browser(), 1280, 800)).page;
    await tablet.goto(`${h.url}/counter/rate.html?counter=1&token=${h.creds.displayToken}`);
    await tablet.waitForSelector('.rate-idle');

    await page.click('[data-action=callNext]');
    await page.waitForSelector('[data-testid=current-number]');
    expect(await currentNumber(page)).toBe('1001');
    await press(page, 'recall', 'l'); // Gọi lại
    await page.waitForFunction(() => document.querySelector('[data-testid=call-count]')?.textContent?.endsWith('2'));
    await press(page, 'noShow', 'v'); // Vắng mặt asks first; confirmed, the next call follows
    await page.click('[data-testid=noshow-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1002');
    await press(page, 'start', 'b'); // Bắt đầu
    await page.waitForSelector('.current.is-serving');
    await press(page, 'finish', 'h'); // Hoàn thành
    await page.waitForSelector('[data-testid=current-empty]');
    expect(await page.textContent('[data-testid=served]')).toBe('1');
    expect(await page.textContent('[data-testid=no-shows]')).toBe('1');

    await tablet.waitForSelector('[data-testid=rate-number]');
    expect(await tablet.textContent('[data-testid=rate-number]')).toBe('1002');
    await tablet.click('[data-level=very_satisfied]');
    await tablet.waitForSelector('.rate-thanks');
    const rated = h.store.db.prepare('SELECT level, counter_id AS c, officer_id AS o FROM ratings').get();
    expect(rated).toEqual({ level: 'very_satisfied', c: 'q1', o: 'canbo1' });
    // every action is in the event log with who, which ticket and which counter
    const log = h.store.db
      .prepare("SELECT type, actor_id AS who, counter_id AS c FROM events WHERE ticket_id IS NOT NULL AND actor_kind = 'officer' ORDER BY seq")
      .all() as Array<{ type: string; who: string; c: string | null }>;
    expect(log.length).toBeGreaterThanOrEqual(5);
    expect(log.every((e) => e.who === 'canbo1' && e.c === 'q1')).toBe(true);
  });

  it('transfer to another field: the ticket appears in that counter’s waiting list, in its place', async () => {
    h = await startTestHub();
    await issue('tu-phap-ho-tich', 1, 'tr-a');
    h.clock.advance(60_000);
    await issue('van-hoa-xa-hoi', 1, 'tr-b');
    const p1 = await atCounter('canbo1', 'q1');
    const p4 = await atCounter('canbo4', 'q4');
    await p1.click('[data-action=callNext]');
    await p1.waitForSelector('[data-testid=current-number]');
    await press(p1, 'transfer', 'c');
    await p1.selectOption('select[name=field]', 'van-hoa-xa-hoi');
    await p1.fill('textarea[name=note]', 'Hồ sơ trợ cấp xã hội');
    await p1.click('[data-testid=transfer-dialog] button[type=submit]');
    await p1.waitForSelector('[data-testid=current-empty]');
    await p4.waitForFunction(() => [...document.querySelectorAll('[data-testid=queue] li')].map((li) => li.getAttribute('data-number')).join() === '1001,4001');
    await p4.click('[data-action=callNext]');
    await p4.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '1001');
    expect(await p4.textContent('.current-note')).toContain('Hồ sơ trợ cấp xã hội');
  });

  it('two officers on two counters of one field never get the same ticket; a double click calls once', async () => {
    h = await startTestHub();
    await issue('chung-thuc', 30, 'two');
    const a = await atCounter('canbo1', 'q1');
    const b = await atCounter('canbo2', 'q2');
    const seen: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      await a.waitForTimeout(750); // officers do not press twice within the double-press window
      await Promise.all([a.click('[data-action=callNext]'), b.click('[data-action=callNext]')]);
      for (const p of [a, b]) {
        await p.waitForSelector('[data-action=callNext]:not([disabled])');
      }
      const [na, nb] = [await currentNumber(a), await currentNumber(b)];
      expect(na).not.toBe(nb);
      seen.push(na ?? '', nb ?? '');
    }
    expect(new Set(seen).size).toBe(20);
    await a.waitForTimeout(750);
    const calls = () => (h.store.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket:called'").get() as { n: number }).n;
    await a.dblclick('[data-action=callNext]');
    // the first press's call lands; then a second one would have had time to land as well
    await waitFor(() => calls() >= 21, 10_000);
    await a.waitForTimeout(800);
    expect(calls()).toBe(21); // the double click called exactly one more ticket
  });

  it('after a hub restart the screen reconnects by itself and shows the true state', async () => {
    h = await startTestHub();
    await issue('cu-tru', 3, 'restart');
    const page = await atCounter('canbo5', 'q5');
    await page.click('[data-action=callNext]');
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '6001');
    await h.stopHub();
    await page.waitForSelector('[data-testid=conn-state].is-offline');
    // while the hub is down, another officer's work happens through the restarted hub
    await h.startHub();
    const other = h.officer('canbo5');
    await other.ready();
    data(await other.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'while-away-1' }));
    const started = Date.now();
    await page.waitForFunction(() => document.querySelector('[data-testid=current-number]')?.textContent === '6002', undefined, { timeout: 5000 });
    await page.waitForSelector('[data-testid=conn-state].is-online');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('counter sign-in errors', () => {
  it('wrong password, then locked out after five tries, with clear messages', async () => {
    h = await startTestHub();
    const page = await signIn('canbo3', '', 'sai-mat-khau');
    await page.waitForSelector('[data-testid=login-error]');
    expect(await page.textContent('[data-testid=login-error]')).toContain('Sai tên đăng nhập hoặc mật khẩu');
    for (let i = 0; i < 4; i += 1) {
      await page.fill('input[name=password]', `sai-${i}`);
      await page.click('button[type=submit]');
      await page.waitForTimeout(150);
    }
    await page.fill('input[name=password]', password('canbo3'));
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=login-error]')?.textContent?.includes('tạm khoá'));
  });

  it('an expired session returns to sign-in with a message; a counter that does not exist is named', async () => {
    h = await startTestHub();
    const page = await signIn('canbo1', '?counter=99');
    await page.waitForSelector('[data-testid=choose-message]');
    expect(await page.textContent('[data-testid=choose-message]')).toContain('Quầy “99” không tồn tại');
    h.clock.advance(15 * 3600_000);
    h.hub.housekeeping();
    await page.waitForSelector('[data-testid=login-notice]');
    expect(await page.textContent('[data-testid=login-notice]')).toContain('hết hạn');
  });

  it('taking a counter in use asks first and tells the other officer', async () => {
    h = await startTestHub();
    const first = await atCounter('canbo1', 'q1');
    const second = await signIn('canbo2');
    await second.click('[data-counter=q1]');
    await second.waitForSelector('.modal');
    expect(await second.textContent('.modal')).toContain('Nguyễn Thị Lan');
    await second.click('.modal button.primary');
    await second.waitForSelector('[data-action=callNext]');
    await first.waitForSelector('[data-testid=choose-message]');
    expect(await first.textContent('[data-testid=choose-message]')).toContain('Quầy 1');
  });
});
