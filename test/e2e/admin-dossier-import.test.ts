/**
 * The admin's dossier import in real Chromium: a cumulative file is checked first (nothing
 * saved), its summary and the dossiers it would update are shown, and it is imported only once
 * confirmed; a file with a date read month first shows its issue beside the summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const HEADER = 'Mã hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái,Hình thức nộp';
const FIRST = [HEADER, '000.00.00.H26-251001-0001,KS,01/10/2025,03/10/2025,Đang xử lý,Trực tiếp', '000.00.00.H26-251001-0002,KS,01/10/2025,03/10/2025,Đang xử lý,Trực tuyến'].join('\r\n');
const LATER = [
  'DANH SÁCH HỒ SƠ,,,,,',
  HEADER,
  '000.00.00.h26-251001-0001,KS,01/10/2025,03/10/2025,Đã trả kết quả,Trực tiếp',
  '000.00.00.H26-251001-0002,KS,01/10/2025,03/10/2025,Đang xử lý,Trực tuyến',
  '000.00.00.H26-251002-0003,KS,02/10/2025,07/10/2025,Đang xử lý,Bưu chính',
].join('\r\n');
const MIXED_UP = [HEADER, '000.00.00.H26-251006-0009,KS,10/06/2025,13/06/2025,Đang xử lý,Trực tiếp'].join('\r\n');

const status = (code: string): string | undefined => h.store.dossiers.byCode(code)?.status;

describe('dossier import page (admin)', () => {
  it('checks a cumulative file, shows N new, M updated, K unchanged, and imports only when confirmed', async () => {
    h = await startTestHub();
    const token = await sessionToken(h.url, 'admin', h.creds.admin.password);
    const first = await httpRaw(h.url, 'POST', '/api/admin/dossiers/import?name=first.csv', { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, FIRST);
    expect(first.status, first.text).toBe(200);
    const later = join(h.dir, 'luy-ke.csv');
    const mixedUp = join(h.dir, 'nham-ngay.csv');
    writeFileSync(later, LATER);
    writeFileSync(mixedUp, MIXED_UP);

    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'admin');
    await page.click('[data-nav=dossiers]');
    const panel = page.locator('[data-testid=dossier-import]');
    await panel.locator('input[type=file]').setInputFiles(later);
    await panel.locator('[data-testid=upload]').click();
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=preview-summary]')).toBe('3 hồ sơ trong tệp: 1 thêm mới, 1 cập nhật, 1 không đổi.');
    expect(await page.textContent('[data-testid=preview-updates] tbody')).toContain('Đang xử lý → Đã trả kết quả');
    // checked, not saved
    expect(status('000.00.00.H26-251001-0001')).toBe('processing');
    expect(h.store.dossiers.byCode('000.00.00.H26-251002-0003')).toBeNull();

    await page.click('[data-testid=confirm-import]');
    await page.waitForSelector('[data-testid=import-result]');
    expect(await page.textContent('[data-testid=import-result]')).toContain('Đã nhập 3 dòng');
    expect(await page.textContent('[data-testid=import-result]')).toContain('thêm mới: 1, cập nhật: 1, không đổi: 1');
    expect(status('000.00.00.H26-251001-0001')).toBe('returned');
    expect(h.store.dossiers.byCode('000.00.00.H26-251002-0003')?.channel).toBe('post');

    // a date read month first: the issue names both dates, nothing is offered for import
    await panel.locator('input[type=file]').setInputFiles(mixedUp);
    await panel.locator('[data-testid=upload]').click();
    await page.waitForSelector('[data-testid=import-issues]');
    expect(await page.textContent('[data-testid=import-issues]')).toContain('mang ngày 06/10/2025 nhưng cột “Ngày tiếp nhận” có “10/06/2025”');
    expect(await page.locator('[data-testid=confirm-import]').count()).toBe(0);
    expect(h.store.dossiers.byCode('000.00.00.H26-251006-0009')).toBeNull();
    await page.context().close();
  });
});
