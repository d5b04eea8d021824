import { afterEach, describe, expect, it } from 'vitest';
import { httpRaw, sessionToken } from '../security/helpers/http';
import { openPage, useBrowser } from '../support/browser';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

/** Two online dossiers of one person (a name, no CCCD, no birth date) and one of someone else. */
const CSV = [
  'Mã hồ sơ,Chủ hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái',
  '000.00.00.H26-240115-0001,Phạm Thị Hồng Nhung,KS,15/01/2024,18/01/2024,Đang xử lý',
  '000.00.00.H26-240116-0002,Phạm Thị Hồng Nhung,KS,16/01/2024,19/01/2024,Đã trả kết quả',
  '000.00.00.H26-240116-0003,Lê Văn Cường,KS,16/01/2024,19/01/2024,Đang xử lý',
].join('\r\n');

describe('personal data page (admin)', () => {
  it('finds an online dossier by code and by name + birth date, and erases them; nothing personal goes into a URL', async () => {
    h = await startTestHub();
    const token = await sessionToken(h.url, 'admin', h.creds.admin.password);
    const imported = await httpRaw(h.url, 'POST', '/api/admin/dossiers/import?name=online.csv', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, CSV);
    expect(imported.status, imported.text).toBe(200);
    const { page } = await openPage(browser(), 1440, 900);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(decodeURIComponent(r.url())));
    await signIn(page, h, 'admin');
    await page.click('[data-nav=dossiers]');
    await page.waitForSelector('[data-testid=personal-data-panel]');

    // by dossier code
    await page.check('input[name=pdMode][value=code]');
    await page.fill('input[name=code]', '000.00.00.H26-240115-0001');
    await page.click('[data-testid=pd-export]');
    await page.waitForSelector('[data-testid=personal-data] table');
    expect(await page.textContent('[data-testid=personal-data]')).toContain('Tìm được 1 hồ sơ');
    expect(await page.textContent('[data-testid=personal-data] tbody')).toContain('Phạm Thị Hồng Nhung');

    // by name (another case, extra spaces) + birth date: the online dossiers have no birth date, so the name decides
    await page.check('input[name=pdMode][value=name]');
    await page.fill('input[name=fullName]', '  phạm thị   HỒNG nhung');
    await page.click('[data-testid=pd-export]');
    expect(await page.textContent('[data-testid=field-error]')).toBe('Chọn ngày sinh');
    await page.fill('input[name=birthDate]', '20/05/1991');
    await page.click('[data-testid=pd-export]');
    await page.waitForSelector('[data-testid=personal-data] table');
    expect(await page.textContent('[data-testid=personal-data]')).toContain('Tìm được 2 hồ sơ');
    expect(await page.textContent('[data-testid=personal-data] tbody')).not.toContain('Lê Văn Cường');

    // erase: the name typed again confirms
    await page.click('[data-testid=pd-erase]');
    await page.waitForSelector('text=Xoá dữ liệu cá nhân của phạm thị   HỒNG nhung, sinh ngày');
    await page.fill('input[name=eraseConfirm]', 'Phạm Thị Hồng');
    const confirm = page.locator('[data-testid=confirm]');
    expect(await confirm.isDisabled()).toBe(true);
    await page.fill('input[name=eraseConfirm]', 'Phạm Thị Hồng Nhung');
    await confirm.click();
    await page.waitForSelector('text=Đã xoá dữ liệu cá nhân khỏi 2 hồ sơ');
    expect(h.store.dossiers.byCode('000.00.00.H26-240115-0001')?.applicant.fullName).toBe('');
    expect(h.store.dossiers.byCode('000.00.00.H26-240116-0002')?.applicant.fullName).toBe('');
    expect(h.store.dossiers.byCode('000.00.00.H26-240116-0003')?.applicant.fullName).toBe('Lê Văn Cường');
    expect(urls.filter((u) => /Nhung|nhung|1991-05-20|H26-240115/.test(u))).toEqual([]);
    await page.context().close();
  });
});
