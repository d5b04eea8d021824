import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

/** Every Socket.IO message the page sends (websocket frames and polling bodies), as text. */
function sentMessages(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.postData()) sent.push(r.postData() ?? '');
  });
  return sent;
}

async function signIn(page: Page, app: 'admin' | 'counter', username: string, password: string): Promise<void> {
  await page.goto(`${h.url}/${app}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
}

describe('dates read and written dd/mm/yyyy in an English-language browser (en-US)', () => {
  it('admin report range: 07/11/2026 is 7 November, the hub gets 2026-11-07; a day that does not exist is refused in Vietnamese', async () => {
    h = await startTestHub(); // the hub's day is 23/11/2026
    const { page, errors } = await openPage(browser(), 1440, 900, { locale: 'en-US' });
    const sent = sentMessages(page);
    await signIn(page, 'admin', 'admin', h.creds.admin.password);
    await page.click('[data-nav=reports]');
    await page.waitForSelector('[data-testid=report-table]');
    // today's preset is written day first
    expect(await page.inputValue('input[name=from]')).toBe('23/11/2026');
    // typed with the digits only: the slashes come by themselves
    await page.fill('input[name=from]', '');
    await page.type('input[name=from]', '07112026');
    expect(await page.inputValue('input[name=from]')).toBe('07/11/2026');
    await page.fill('input[name=to]', '20/11/2026');
    expect(await page.getAttribute('input[name=from]', 'inputmode')).toBe('numeric');
    sent.length = 0;
    await page.click('[data-testid=run-report]');
    await page.waitForFunction(() => document.querySelector('[data-testid=report]')?.textContent?.includes('07/11/2026'));
    const run = sent.find((m) => m.includes('report:run')) ?? '';
    expect(run).toContain('"from":"2026-11-07"');
    expect(run).toContain('"to":"2026-11-20"');
    expect(await page.textContent('[data-testid=report]')).toContain('20/11/2026');
    // read back after the report: still day first
    expect(await page.inputValue('input[name=from]')).toBe('07/11/2026');

    // 31/02 does not exist: a clear Vietnamese message, and nothing is sent
    await page.fill('input[name=to]', '31/02/2026');
    await page.waitForSelector('[data-testid=to-error]');
    expect(await page.textContent('[data-testid=to-error]')).toBe('Ngày không hợp lệ. Nhập ngày/tháng/năm, ví dụ 07/12/2026.');
    expect(await page.getAttribute('input[name=to]', 'aria-invalid')).toBe('true');
    sent.length = 0;
    await page.click('[data-testid=run-report]');
    await page.waitForTimeout(300);
    expect(sent.filter((m) => m.includes('report:run'))).toEqual([]);
    // after the last day allowed (today): said so
    await page.fill('input[name=from]', '24/11/2026');
    await page.waitForSelector('[data-testid=from-error]');
    expect(await page.textContent('[data-testid=from-error]')).toBe('Ngày không được sau 23/11/2026.');
    expect(errors).toEqual([]);
  });

  it("counter dossier form: the birth date typed 07/12/1990 reaches the hub as 1990-12-07 and reads back the same", async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'date-input-1' }));
    const { page, errors } = await openPage(browser(), 1440, 900, { locale: 'en-US' });
    const sent = sentMessages(page);
    await signIn(page, 'counter', 'canbo5', h.creds.officers[4]?.password ?? '');
    await page.click('[data-counter=q5]');
    await page.waitForSelector('[data-action=callNext]:not([disabled])');
    await page.click('[data-action=callNext]');
    await page.click('[data-testid=create-dossier]');
    await page.waitForSelector('[data-testid=dossier-dialog]');
    await page.fill('input[name=fullName]', 'Trần Thị Bình');
    await page.click('input[name=birthDate]');
    await page.keyboard.type('07121990');
    expect(await page.inputValue('input[name=birthDate]')).toBe('07/12/1990');
    await page.selectOption('select[name=procedure]', 'tt-dktmt');
    // a day that does not exist blocks saving
    await page.fill('input[name=birthDate]', '30/02/1990');
    await page.click('[data-testid=dossier-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=birthDate-error]');
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM dossiers').get()).toEqual({ n: 0 });
    await page.fill('input[name=birthDate]', '7/12/1990');
    await page.click('input[name=fullName]'); // leaving the field writes it in full
    expect(await page.inputValue('input[name=birthDate]')).toBe('07/12/1990');
    await page.click('[data-testid=dossier-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=receipt]');
    expect(sent.find((m) => m.includes('dossier:create'))).toContain('"birthDate":"1990-12-07"');
    const code = (await page.textContent('[data-testid=receipt-code]')) ?? '';
    expect(h.store.dossiers.byCode(code)?.applicant.birthDate).toBe('1990-12-07');
    expect(errors).toEqual([]);
  });

  it('holiday day in admin: typed 03/09/2027, stored 2027-09-03; and a long holiday name is shown whole', async () => {
    h = await startTestHub();
    const { page, errors } = await openPage(browser(), 1440, 1000, { locale: 'en-US' });
    await signIn(page, 'admin', 'admin', h.creds.admin.password);
    await page.click('[data-nav=site]');
    await page.click('[data-testid=holiday-years] [data-year="2027"]');
    await page.click('[data-testid=add-holiday]');
    const row = page.locator('[data-testid=site-holidays] tr[data-holiday="0"]');
    await row.locator('input[name=day]').fill('03/09/2027');
    const long = 'Giỗ Tổ Hùng Vương (10/3 âm lịch) – nghỉ bù theo thông báo của Ủy ban nhân dân thành phố';
    await row.locator('[name=name]').fill(long);
    await page.click('[data-testid=save-holidays]');
    await page.waitForSelector('text=Đã lưu 1 mục lịch nghỉ');
    const admin = h.admin();
    await admin.ready();
    expect(data(await admin.send('config:get', {})).holidays).toEqual([{ day: '2027-09-03', name: long, kind: 'off' }]);
    expect(await row.locator('input[name=day]').inputValue()).toBe('03/09/2027');
    // the whole name is visible in its cell: the field grows instead of scrolling its text away
    const fits = await row.locator('[name=name]').evaluate((el) => {
      const cell = el.closest('td') as HTMLElement;
      return { field: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1, cell: cell.scrollWidth <= cell.clientWidth };
    });
    expect(fits).toEqual({ field: true, cell: true });
    // the default list's names too (Giỗ Tổ Hùng Vương, Tết Nguyên đán (nghỉ bù)…)
    const cut = await page.locator('[data-testid=default-holidays] td').evaluateAll((cells) =>
      cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
    );
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
  });
});
