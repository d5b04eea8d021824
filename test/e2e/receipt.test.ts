/**
 * The receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") in Chromium: the official form, the
 * documents checklist prefilled from the procedure's catalog entry and edited before printing,
 * saved with the dossier, and printed once on one A4 page.
 */
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

/** Pages of a PDF as Chromium writes it: one `/Type /Page` dictionary per page (not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

async function receiveAtCounter(page: Page): Promise<void> {
  await signIn(page, h, 'canbo5');
  await page.click('[data-counter=q5]');
  await page.waitForSelector('[data-action=callNext]:not([disabled])');
  await page.click('[data-action=callNext]');
  await page.waitForSelector('[data-testid=create-dossier]');
  await page.click('[data-testid=create-dossier]');
  await page.waitForSelector('[data-testid=dossier-dialog]');
  await page.fill('input[name=fullName]', 'Nguyễn Văn An');
  await page.fill('input[name=address]', 'Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội');
  await page.fill('input[name=phone]', '0912345678');
  await page.selectOption('select[name=procedure]', 'tt-dktmt');
  await page.click('[data-testid=dossier-dialog] button[type=submit]');
  await page.waitForSelector('[data-testid=receipt]');
}

describe('the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả)', () => {
  it('shows the official form with an editable documents checklist and prints once, on one A4 page', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'e2e-receipt-1' }));
    const { page, errors } = await openPage(browser(), 1440, 900);
    await receiveAtCounter(page);
    const code = '000.00.00.H26-261123-0001';

    // the checklist comes from the catalog entry of "Đăng ký tạm trú"
    const checklist = page.locator('[data-testid=receipt-checklist]');
    await checklist.waitFor();
    const names = await checklist.locator('input[name=doc-name]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(['Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp']);
    // the officer adds a document, changes a form and a quantity, unticks nothing
    await checklist.locator('[data-testid=doc-add]').click();
    await checklist.locator('input[name=doc-name]').nth(2).fill('Văn bản đồng ý cho đăng ký tạm trú của chủ hộ');
    await checklist.locator('select[name=doc-form]').nth(1).selectOption('copy');
    await checklist.locator('input[name=doc-quantity]').nth(1).fill('2');

    // "In phiếu": the list is saved with the dossier, then the browser's print is opened once
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => { w.printed += 1; };
    });
    await page.click('[data-testid=receipt-print]');
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    const saved = h.store.dossiers.byCode(code);
    expect(saved?.documents).toEqual([
      { name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 1 },
      { name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', form: 'copy', quantity: 2 },
      { name: 'Văn bản đồng ý cho đăng ký tạm trú của chủ hộ', form: 'original', quantity: 1 },
    ]);

    // what the printer gets: the form alone, once
    await page.emulateMedia({ media: 'print' });
    const form = page.locator('[data-testid=receipt-form]');
    expect(await page.locator('[data-testid=receipt-form]').count()).toBe(1);
    expect(await form.isVisible()).toBe(true);
    expect(await checklist.isVisible()).toBe(false);
    expect(await page.locator('[data-testid=receipt-print]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=counter-title]').isVisible()).toBe(false);
    const text = (await form.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    const motto = await page.locator('[data-testid=receipt-motto]').evaluate((e) => getComputedStyle(e).textDecorationLine);
    expect(motto).toBe('underline');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH');
    expect(text).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Nguyễn Văn An');
    expect(text).toContain('Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội');
    expect(text).toContain('0912345678');
    expect(text).toContain('Đăng ký tạm trú');
    const rows = await page.locator('[data-testid=receipt-docs] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
    expect(rows).toEqual([
      ['1', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Bản chính', '1'],
      ['2', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'Bản sao', '2'],
      ['3', 'Văn bản đồng ý cho đăng ký tạm trú của chủ hộ', 'Bản chính', '1'],
    ]);
    // dates dd/mm/yyyy: received (with its time) and due (3 working days)
    expect(await page.locator('[data-testid=receipt-received]').innerText()).toMatch(/\d{2} giờ \d{2} phút, ngày 23\/11\/2026$/);
    expect(await page.locator('[data-testid=receipt-due]').innerText()).toContain('26/11/2026');
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2}\b(?!\d)/); // no short or unpadded dates
    const signers = await page.locator('[data-testid=receipt-signatures] > div').evaluateAll((els) =>
      els.map((e) => ({ text: (e as HTMLElement).innerText.replace(/\s+/g, ' '), top: e.getBoundingClientRect().top })));
    expect(signers.map((s) => s.text)).toEqual([
      'NGƯỜI NỘP HỒ SƠ (Ký, ghi rõ họ tên) Nguyễn Văn An',
      'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký, ghi rõ họ tên) Hoàng Thị Mai',
    ]);
    expect(signers[0]?.top).toBe(signers[1]?.top); // side by side
    expect(await page.locator('[data-testid=receipt-qr] svg').isVisible()).toBe(true);

    // Chromium's print: exactly one A4 page (595 x 842 pt)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    expect(errors).toEqual([]);
  });

  it('a reprint from the dossier desk shows the list saved with the dossier, on one page', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'e2e-receipt-2' }));
    const o = await h.officerAt('canbo5', 'q5');
    const called = data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'e2e-receipt-call' }));
    const d = data(await o.send('dossier:create', {
      ticketId: called.ticket?.id ?? '',
      procedureId: 'tt-dktmt',
      applicant: { fullName: 'Trần Thị Bình' },
      documents: [{ name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 2 }],
      idempotencyKey: 'e2e-receipt-create',
    }));
    expect(d.documents).toEqual([{ name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 2 }]);

    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'canbo3');
    await page.click('[data-testid=tab-dossiers]');
    await page.waitForSelector('[data-testid=desk-table]');
    await page.locator(`[data-testid=desk-table] tr[data-code="${d.code}"] [data-testid=desk-open]`).click();
    await page.click('[data-testid=desk-reprint]');
    await page.waitForSelector('[data-testid=receipt]');
    const rows = await page.locator('[data-testid=receipt-docs] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
    expect(rows).toEqual([['1', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Bản chính', '2']]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageCount(pdf)).toBe(1);
  });
});
