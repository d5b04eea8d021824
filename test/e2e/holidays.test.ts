import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { FakeClock } from '../support/fake-clock';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

describe('holiday calendar in Chromium', () => {
  it('the admin sees the default holidays, works a holiday, adds a worked Saturday and opens the kiosk on a holiday', async () => {
    h = await startTestHub();
    const { page, errors } = await openPage(browser(), 1440, 1000);
    await signIn(page, h, 'admin');
    await page.click('[data-nav=site]');
    await page.click('[data-testid=holiday-years] [data-year="2025"]');
    const defaults = page.locator('[data-testid=default-holidays][data-year="2025"]');
    await defaults.waitFor();
    // 2025 as announced: Tết 25/01–02/02, Saturday 08/02 worked, Quốc khánh 1/9 and 2/9
    expect(await defaults.locator('[data-default-day="2025-01-27"]').textContent()).toContain('Tết Nguyên đán');
    expect(await defaults.locator('[data-default-day="2025-02-08"]').textContent()).toContain('Làm bù');
    expect(await defaults.locator('[data-default-day="2025-09-01"]').textContent()).toContain('Quốc khánh');
    expect(await defaults.textContent()).toContain('Theo thông báo nghỉ lễ đã công bố của năm 2025');

    await page.click('[data-testid=holiday-years] [data-year="2027"]');
    const y2027 = page.locator('[data-testid=default-holidays][data-year="2027"]');
    await y2027.waitFor();
    expect(await y2027.locator('[data-default-day="2027-02-11"]').textContent()).toContain('Tết Nguyên đán (nghỉ bù)');
    // the 3/9 swap: work 1/9, take 3/9 off; then a worked Saturday and the kiosk opened on 2/9
    await page.click('[data-work-day="2027-09-01"]');
    await page.click('[data-testid=add-holiday]');
    const row = page.locator('[data-testid=site-holidays] tr[data-holiday="1"]');
    await row.locator('input[name=day]').fill('03/09/2027');
    await row.locator('[name=name]').fill('Quốc khánh (hoán đổi)');
    await page.click('[data-testid=add-work-day]');
    await page.locator('[data-testid=site-holidays] tr[data-holiday="2"] input[name=day]').fill('11/09/2027');
    await page.click('[data-open-day="2027-09-02"]');
    expect(await y2027.locator('[data-default-day="2027-09-02"]').textContent()).toContain('Đã thay bằng mục bên dưới');
    await page.click('[data-testid=save-holidays]');
    await page.waitForSelector('text=Đã lưu 4 mục lịch nghỉ');

    const admin = h.admin();
    await admin.ready();
    expect(data(await admin.send('config:get', {})).holidays).toEqual([
      { day: '2027-09-01', name: 'Làm bù', kind: 'work' },
      { day: '2027-09-02', name: 'Mở cửa phục vụ', kind: 'open' },
      { day: '2027-09-03', name: 'Quốc khánh (hoán đổi)', kind: 'off' },
      { day: '2027-09-11', name: 'Làm bù', kind: 'work' },
    ]);
    // the kind can be changed in the list too
    await page.locator('[data-testid=site-holidays] tr[data-holiday="3"] select[name=kind]').selectOption('off');
    await page.click('[data-testid=save-holidays]');
    await page.waitForSelector('text=Đã lưu 4 mục lịch nghỉ');
    expect(data(await admin.send('config:get', {})).holidays[3]?.kind).toBe('off');
    expect(errors).toEqual([]);
  });

  it('on a public holiday the kiosk shows it is closed and names the holiday; an admin "open" entry opens it', async () => {
    // Wednesday 2/9/2026 10:00 in Hanoi, inside weekday opening hours: Quốc khánh
    h = await startTestHub({ alwaysOpen: false, clock: new FakeClock(Date.parse('2026-09-02T10:00:00+07:00')) });
    const { page, errors } = await openPage(browser(), 1920, 1080);
    await page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await page.waitForSelector('[data-testid=closed]');
    expect(await page.textContent('[data-testid=closed-title]')).toBe('Hôm nay nghỉ lễ: Quốc khánh');
    expect(await page.textContent('[data-testid=closed]')).toContain('Trung tâm không cấp số trong ngày nghỉ lễ');
    expect(await page.$('[data-field]')).toBeNull();
    const admin = h.admin();
    await admin.ready();
    data(await admin.send('holidays:set', { holidays: [{ day: '2026-09-02', name: 'Mở cửa phục vụ', kind: 'open' }] }));
    await page.waitForSelector('[data-field="cu-tru"]', { timeout: 5000 });
    expect(errors).toEqual([]);
  });
});
