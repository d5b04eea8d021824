import type { Page } from 'playwright-core';
import type { TestHub } from './test-hub';

/** The demo password of `username` (`admin` or an officer such as `canbo1`). */
export function demoPassword(h: Pick<TestHub, 'creds'>, username: string): string {
  if (username === 'admin') return h.creds.admin.password;
  const officer = h.creds.officers.find((o) => o.username === username);
  if (!officer) throw new Error(`no demo account ${username}`);
  return officer.password;
}

/**
 * Opens the sign-in form of the admin app (for `admin`) or the counter app (an officer) and signs
 * in with the demo password. Returns once the form is submitted; wait for the next screen after.
 */
export async function signIn(page: Page, h: Pick<TestHub, 'creds' | 'url'>, username: string): Promise<void> {
  await page.goto(`${h.url}/${username === 'admin' ? 'admin' : 'counter'}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', demoPassword(h, username));
  await page.click('button[type=submit]');
}
