import { afterEach, describe, expect, it } from 'vitest';
import { openPage, scanBurst, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';
import { signIn } from '../support/sign-in';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

const CCCD_QR = '001090012345||Nguyễn Văn An|01011990|Nam|Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội|15032021';

describe('dossier from reception to returned result, in Chromium', () => {
  it('serve a ticket, create a dossier from a scanned CCCD, see the receipt; later pick up the result at the kiosk', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'e2e-dossier-1' }));

    // the officer at counter 5 serves 6001 and receives a dossier
    const { page } = await openPage(browser(), 1440, 900);
    await signIn(page, h, 'canbo5');
    await page.click('[data-counter=q5]');
    await page.waitForSelector('[data-action=callNext]:not([disabled])');
    await page.click('[data-action=callNext]');
    await page.waitForSelector('[data-testid=create-dossier]');
    await page.click('[data-testid=create-dossier]');
    await page.waitForSelector('[data-testid=dossier-dialog]');
    // a USB scanner types the QR's text fast and ends with Enter
    await page.focus('input[name=cccd-scan]');
    await page.keyboard.type(CCCD_QR, { delay: 3 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=scan-note]');
    expect(await page.inputValue('input[name=fullName]')).toBe('Nguyễn Văn An');
    expect(await page.inputValue('input[name=cccd]')).toBe('001090012345');
    expect(await page.inputValue('input[name=birthDate]')).toBe('01/01/1990');
    await page.selectOption('select[name=procedure]', 'tt-dktmt');
    await page.fill('input[name=phone]', '0912345678');
    await page.click('[data-testid=dossier-dialog] button[type=submit]');
    await page.waitForSelector('[data-testid=receipt]');
    const code = await page.textContent('[data-testid=receipt-code]');
    expect(code).toBe('000.00.00.H26-261123-0001');
    expect(await page.textContent('[data-testid=receipt-due]')).toContain('26/11/2026'); // 3 working days
    const qrUrl = (await page.getAttribute('[data-testid=receipt-qr]', 'data-url')) ?? '';
    expect(qrUrl).toMatch(/\/d\/000\.00\.00\.H26-261123-0001\?k=/);
    expect(await page.isVisible('[data-testid=receipt-qr] svg')).toBe(true);
    await page.click('[data-testid=receipt] button:has-text("Đóng")');
    await page.waitForSelector(`[data-testid=dossiers] li[data-code="${code}"]`);
    // receiving the dossier started the service ("Bắt đầu" was never pressed): the desk shows it
    await page.waitForSelector('.current-state:text-is("Đang giải quyết")');
    expect(await page.isDisabled('[data-action=start]')).toBe(true);
    expect(await page.isEnabled('[data-action=finish]')).toBe(true);

    // the receipt's QR page shows status and due date, the name masked
    const phone = (await openPage(browser(), 390, 844)).page;
    await phone.goto(qrUrl.replace(/^https?:\/\/[^/]+/, h.url));
    await phone.waitForSelector('[data-testid=dossier-status]');
    expect(await phone.textContent('[data-testid=dossier-status]')).toBe('Đang xử lý');
    expect(await phone.textContent('[data-testid=dossier-name]')).toBe('Nguyễn V** A');
    expect(await phone.evaluate(() => document.body.innerText)).not.toContain('001090012345');

    // later: the result is ready; the citizen types the code's last 10 digits at the kiosk
    const d = h.store.dossiers.byCode(code ?? '');
    const o = h.officer('canbo5');
    await o.ready();
    data(await o.send('dossier:setStatus', { dossierId: d?.id ?? '', status: 'result_ready' }));
    const kioskPage = (await openPage(browser(), 1920, 1080)).page;
    await kioskPage.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await kioskPage.waitForSelector('.field-btn:not([disabled])');
    await kioskPage.click('[data-field="tra-ket-qua"]');
    await kioskPage.waitForSelector('[data-testid=pickup]');
    for (const k of '2611230001') await kioskPage.click(`[data-key="${k}"]`);
    await kioskPage.click('[data-key="OK"]');
    await kioskPage.waitForSelector('[data-testid=pickup-found][data-status=result_ready]');
    // a typed code has no key: status and where to go, no procedure and no name
    const typed = (await kioskPage.textContent('[data-testid=pickup-found]')) ?? '';
    expect(typed).toContain('Kết quả đã sẵn sàng');
    expect(typed).toContain('quầy trả kết quả');
    expect(typed).toContain(`Mã hồ sơ: ${code ?? ''}`);
    expect(typed).not.toContain('Nguyễn');
    expect(await kioskPage.$('[data-testid=pickup-name]')).toBeNull();
    expect(await kioskPage.$('[data-testid=pickup-scan-hint]')).not.toBeNull();
    await kioskPage.click('text=Lấy số nhận kết quả');
    await kioskPage.waitForSelector('[data-testid=ticket-number]');
    expect(await kioskPage.textContent('[data-testid=ticket-number]')).toBe('8001');

    // the result counter calls it, sees the dossier with the ticket, and marks it returned
    const result = (await openPage(browser(), 1440, 900)).page;
    await signIn(result, h, 'canbo7');
    await result.click('[data-counter=q7]');
    await result.waitForSelector('[data-action=callNext]:not([disabled])');
    await result.click('[data-action=callNext]');
    await result.waitForSelector(`[data-testid=dossiers] li[data-code="${code}"]`);
    await result.click('[data-testid=mark-returned]');
    await result.waitForSelector(`[data-testid=dossiers] li[data-code="${code}"][data-status=returned]`);
    expect(h.store.dossiers.byCode(code ?? '')?.status).toBe('returned');
  });

  it('a receipt scanned at the kiosk opens the look-up by itself; a dossier not ready gives no ticket', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'tu-phap-ho-tich', idempotencyKey: 'e2e-dossier-2' }));
    const o = await h.officerAt('canbo1', 'q1');
    const t = data(await o.send('counter:callNext', { counterId: 'q1', idempotencyKey: 'e2e-call-002' })).ticket;
    const d = data(await o.send('dossier:create', {
      ticketId: t?.id ?? '',
      procedureId: 'tt-xntthn',
      applicant: { fullName: 'Trần Thị Thu Hà', cccd: null, phone: null, birthDate: null, address: null },
      idempotencyKey: 'e2e-create-2',
    }));
    const page = (await openPage(browser(), 1920, 1080)).page;
    await page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await page.waitForSelector('.field-btn:not([disabled])');
    await scanBurst(page, `${h.url}${d.lookupPath}`);
    await page.waitForSelector('[data-testid=pickup-found][data-status=processing]');
    // the scanned QR link carries the receipt's key: procedure and masked name are shown
    expect(await page.textContent('[data-testid=pickup-name]')).toContain('Trần T** T** H');
    expect(await page.textContent('[data-testid=pickup-proc]')).toBeTruthy();
    expect(await page.$('[data-testid=pickup-scan-hint]')).toBeNull();
    expect(await page.textContent('[data-testid=pickup-found]')).toContain('chưa có kết quả');
    expect(await page.$('text=Lấy số nhận kết quả')).toBeNull();
  });
});
