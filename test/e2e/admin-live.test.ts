import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, type TestHub } from '../support/test-hub';

const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

describe('configuration applied live', () => {
  it('a field renamed by the admin changes on a kiosk that is already open, without a reload', async () => {
    h = await startTestHub();
    const { page } = await openPage(browser(), 1920, 1080);
    await page.goto(`${h.url}/kiosk/?token=${h.creds.kioskToken}`);
    await page.waitForSelector('[data-field="cu-tru"]');
    const admin = h.admin();
    await admin.ready();
    const field = data(await admin.send('config:get', {})).fields.find((f) => f.id === 'cu-tru');
    if (!field) throw new Error('no field');
    await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
    data(await admin.send('field:save', { ...field, nameVi: 'Cư trú và Căn cước', hintVi: 'Thường trú, tạm trú, căn cước' }));
    await page.waitForFunction(() => document.querySelector('[data-field="cu-tru"] .field-name')?.textContent === 'Cư trú và Căn cước', undefined, { timeout: 5000 });
    expect(await page.textContent('[data-field="cu-tru"] .field-hint')).toBe('Thường trú, tạm trú, căn cước');
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true); // no reload
    // a field the admin disables disappears from the kiosk
    data(await admin.send('field:save', { ...field, nameVi: 'Cư trú và Căn cước', enabled: false }));
    await page.waitForSelector('[data-field="cu-tru"]', { state: 'detached', timeout: 5000 });
  });

  it('a display whose token is revoked loses access at once and says so', async () => {
    h = await startTestHub();
    const kiosk = h.kiosk();
    await kiosk.ready();
    data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'revoke-0001' }));
    const o = await h.officerAt('canbo5', 'q5');
    data(await o.send('counter:callNext', { counterId: 'q5', idempotencyKey: 'revoke-call-1' }));
    const { page } = await openPage(browser(), 1920, 1080);
    await page.goto(`${h.url}/display/?token=${h.creds.displayToken}&voice=off`);
    await page.waitForFunction(() => document.querySelector('[data-testid=now-number]')?.textContent === '6001');
    const admin = h.admin();
    await admin.ready();
    data(await admin.send('device:revoke', { id: 'display-1' }));
    await page.waitForSelector('[data-testid=refused]', { timeout: 5000 });
    expect(await page.textContent('[data-testid=refused]')).toContain('không còn quyền');
    expect(await page.$('[data-testid=now-number]')).toBeNull(); // the queue is no longer shown
    await page.reload();
    await page.waitForSelector('text=không còn quyền', { timeout: 5000 });
  });
});
