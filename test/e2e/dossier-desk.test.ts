/**
 * The dossier desk in Chromium: an officer who holds no counter finds an online dossier filed
 * weeks ago, opens its history, marks the result ready and reprints its receipt; the kiosk's
 * pickup then finds it. The admin's Hồ sơ page lists the same dossier.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { httpRaw, sessionToken } from '../security/helpers/http';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

const CSV = [
  'Mã hồ sơ,Chủ hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái',
  '000.00.00.H26-261102-0001,Đặng Thị Ánh,KS,02/11/2026,05/11/2026,Đang xử lý',
  '000.00.00.H26-261103-0002,Lê Văn Cường,KS,03/11/2026,30/11/2026,Đang xử lý',
  '000.00.00.H26-261104-0003,Nguyễn Văn Bình,KS,04/11/2026,06/11/2026,Đã trả kết quả',
].join('\r\n');
const CODE = '000.00.00.H26-261102-0001';

async function importOnline(): Promise<void> {
  const token = await sessionToken(h.url, 'admin', h.creds.admin.password);
  const r = await httpRaw(h.url, 'POST', '/api/admin/dossiers/import?name=online.csv', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, CSV);
  expect(r.status, r.text).toBe(200);
}

describe('dossier desk (counter app and admin)', () => {
  it('an officer without a counter searches, opens, marks the result ready and reprints; the kiosk pickup finds it', async () => {
    h = await startTestHub();
    await importOnline();
    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'canbo3');
    await page.waitForSelector('[data-counter=q3]'); // the choose-a-counter screen: no counter taken
    await page.click('[data-testid=tab-dossiers]');
    await page.waitForSelector('[data-testid=desk-table]');
    expect(await page.textContent('[data-testid=desk-count]')).toBe('3 hồ sơ');

    // the name typed without diacritics, in lower case
    await page.fill('[data-testid=desk-filters] input[name=applicant]', 'dang thi anh');
    await page.click('[data-testid=desk-search]');
    await page.waitForSelector('[data-testid=desk-count]:has-text("1 hồ sơ")');
    const row = page.locator(`[data-testid=desk-table] tr[data-code="${CODE}"]`);
    expect(await row.textContent()).toContain('Đặng Thị Ánh');
    expect(await row.textContent()).toContain('QUÁ HẠN'); // due 05/11, today 23/11

    // overdue only, then open it
    await page.fill('[data-testid=desk-filters] input[name=applicant]', '');
    await page.selectOption('[data-testid=desk-filters] select[name=status]', 'overdue');
    await page.click('[data-testid=desk-search]');
    await page.waitForSelector('[data-testid=desk-count]:has-text("1 hồ sơ")');
    await row.locator('[data-testid=desk-open]').click();
    await page.waitForSelector('[data-testid=desk-history] tr[data-to=processing]');
    // the import is the first entry: received, by the admin who imported the file
    const first = (await page.textContent('[data-testid=desk-history] tr[data-to=processing]')) ?? '';
    expect(first).toContain('Tiếp nhận');
    expect(first).toContain(h.store.accounts.officerById('admin')?.fullName ?? 'missing');
    // returned is not offered before the result is ready
    expect(await page.locator('[data-testid=move-returned]').count()).toBe(0);

    await page.click('[data-testid=move-result_ready]');
    await page.click('[data-testid=move-confirm]');
    await page.waitForSelector('[data-testid=move-saved]');
    expect(await page.textContent('[data-testid=detail-status]')).toBe('Có kết quả');
    const last = page.locator('[data-testid=desk-history] tr[data-to=result_ready]');
    expect(await last.textContent()).toContain(h.store.accounts.officerById('canbo3')?.fullName ?? 'missing');

    // reprint the receipt
    await page.click('[data-testid=desk-reprint]');
    await page.waitForSelector('[data-testid=receipt]');
    expect(await page.textContent('[data-testid=receipt-code]')).toBe(CODE);
    expect(await page.isVisible('[data-testid=receipt-qr] svg')).toBe(true);
    // Esc closes the innermost dialog only: first the receipt, then the dossier's detail
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=receipt]', { state: 'detached' });
    expect(await page.isVisible('[data-testid=desk-detail]')).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=desk-detail]', { state: 'detached' });

    // the citizen's pickup at the kiosk now finds the result
    const kiosk = h.kiosk();
    await kiosk.ready();
    const pickup = data(await kiosk.send('ticket:issuePickup', { code: CODE, idempotencyKey: 'e2e-desk-pickup' }));
    expect(pickup.dossier.status).toBe('result_ready');

    // a refusal needs its reason
    await page.selectOption('[data-testid=desk-filters] select[name=status]', '');
    await page.fill('[data-testid=desk-filters] input[name=dossierCode]', '261103');
    await page.click('[data-testid=desk-search]');
    await page.waitForSelector('[data-testid=desk-count]:has-text("1 hồ sơ")');
    await page.click('[data-testid=desk-table] [data-testid=desk-open]');
    await page.click('[data-testid=move-rejected]');
    expect(await page.getAttribute('[data-testid=desk-detail] textarea[name=note]', 'required')).not.toBeNull();
    await page.fill('[data-testid=desk-detail] textarea[name=note]', 'Hồ sơ không thuộc thẩm quyền');
    await page.click('[data-testid=move-confirm]');
    await page.waitForSelector('[data-testid=detail-status]:has-text("Từ chối")');
    expect(await page.textContent('[data-testid=desk-history]')).toContain('Hồ sơ không thuộc thẩm quyền');
  });

  it('the admin finds the same dossiers on the Hồ sơ page', async () => {
    h = await startTestHub();
    await importOnline();
    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'admin');
    await page.click('[data-nav=dossiers]');
    await page.waitForSelector('[data-testid=desk-table]');
    await page.selectOption('[data-testid=desk-filters] select[name=sort]', 'overdue_first');
    await page.click('[data-testid=desk-search]');
    await page.waitForSelector(`[data-testid=desk-table] tbody tr:first-child[data-code="${CODE}"]`);
    await page.fill('[data-testid=desk-filters] input[name=dossierCode]', '261104');
    await page.click('[data-testid=desk-search]');
    await page.waitForSelector('[data-testid=desk-count]:has-text("1 hồ sơ")');
    await page.click('[data-testid=desk-table] [data-testid=desk-open]');
    await page.waitForSelector('[data-testid=desk-history]');
    expect(await page.textContent('[data-testid=desk-detail]')).toContain('Hồ sơ đã trả kết quả: không còn bước nào.');
  });
});
