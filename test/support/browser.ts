import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.QMS_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** A page of a given size (browser language vi-VN unless told) that reports its console errors to the test. */
export async function openPage(
  browser: Browser,
  width: number,
  height: number,
  options: { locale?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: options.locale ?? 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

/**
 * One Chromium for a test file: launched before the first test, closed after the last.
 * Call at the top level of the file; the returned getter gives the browser inside tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/**
 * Types `text` then Enter the way a USB barcode scanner ("keyboard wedge") does: trusted key
 * events back to back. Playwright's `keyboard.type` waits for each key's round trip to the
 * browser, so a busy test process can leave gaps longer than a scanner's (the kiosk's detector
 * allows 35 ms); here every event is sent on one DevTools session before any answer is awaited,
 * and the browser handles them in order.
 */
export async function scanBurst(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sends: Array<Promise<unknown>> = [];
    for (const ch of text) {
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }));
    }
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', unmodifiedText: '\r' }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter }));
    await Promise.all(sends);
  } finally {
    await cdp.detach();
  }
}
