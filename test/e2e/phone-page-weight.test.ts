import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPage, useBrowser } from '../support/browser';
import { data } from '../support/client';
import { startTestHub, WEB_ROOT, type TestHub } from '../support/test-hub';

/**
 * Issue #21 item 6: the page a citizen's phone opens from the ticket's QR loads fast on mobile
 * data. Chromium loads /t/<id> and the Network domain adds up what crossed the wire
 * (`encodedDataLength`: headers + the body as sent, i.e. compressed). docs/decisions/0005.
 */
const browser = useBrowser();
let h: TestHub;
afterEach(async () => {
  await h.close();
});

const BUDGET_BYTES = 150 * 1024;

interface Loaded {
  url: string;
  mimeType: string;
  encoding: string;
  transferred: number;
}

async function loadStatusPage(): Promise<{ loaded: Loaded[]; number: string }> {
  h = await startTestHub();
  const kiosk = h.kiosk();
  await kiosk.ready();
  const issued = data(await kiosk.send('ticket:issue', { fieldId: 'cu-tru', idempotencyKey: 'weight-0001' }));
  const { page, errors } = await openPage(browser(), 390, 844);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const responses = new Map<string, Omit<Loaded, 'transferred'>>();
  const loaded: Loaded[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(e.requestId, { url: e.response.url, mimeType: e.response.mimeType, encoding: headers['content-encoding'] ?? '' });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) loaded.push({ ...r, transferred: e.encodedDataLength });
  });
  await page.goto(`${h.url}/t/${issued.ticket.id}`, { waitUntil: 'networkidle' });
  await page.waitForFunction((n) => document.body.textContent?.includes(n) ?? false, issued.ticket.number);
  expect(errors).toEqual([]);
  return { loaded, number: issued.ticket.number };
}

describe('the phone status page /t/<id>', () => {
  it('transfers under 150 KB, compressed (br/gzip), with WOFF2 fonts only', async () => {
    const { loaded } = await loadStatusPage();
    const total = loaded.reduce((s, r) => s + r.transferred, 0);
    const report = loaded.map((r) => `${(r.transferred / 1024).toFixed(1)} KB ${r.encoding || '-'} ${r.mimeType} ${r.url.replace(h.url, '')}`).join('\n');
    expect(total, `transferred ${(total / 1024).toFixed(1)} KB:\n${report}`).toBeLessThan(BUDGET_BYTES);
    const fonts = loaded.filter((r) => r.mimeType.startsWith('font/') || /\.(ttf|otf|woff2?)$/.test(r.url));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((r) => r.mimeType === 'font/woff2' && r.url.endsWith('.woff2')), report).toBe(true);
    // every page, script and style sheet came compressed
    const text = loaded.filter((r) => /^(text\/html|text\/css|text\/javascript|application\/javascript)/.test(r.mimeType));
    expect(text.length).toBeGreaterThanOrEqual(3);
    expect(text.every((r) => r.encoding === 'br' || r.encoding === 'gzip'), report).toBe(true);
  });
});

function get(url: string, acceptEncoding: string | null): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed UI assets over HTTP', () => {
  const assets = readdirSync(join(WEB_ROOT, 'kiosk', 'assets'));
  const asset = (re: RegExp): string => `/kiosk/assets/${assets.find((f) => re.test(f)) ?? 'missing'}`;

  it('serves brotli, else gzip, else identity, by Accept-Encoding, with Vary and the right Content-Type', async () => {
    h = await startTestHub();
    const url = `${h.url}${asset(/^status-.*\.js$/)}`;
    const [br, gz, plain] = await Promise.all([get(url, 'gzip, deflate, br'), get(url, 'gzip'), get(url, null)]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const r of [br, gz, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/javascript/);
      expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    }
    expect(br.bytes).toBeLessThan(gz.bytes);
    expect(gz.bytes).toBeLessThan(plain.bytes);
    // the status page itself (/t/<id> serves kiosk/status.html) and a style sheet
    const page = await get(`${h.url}/t/any-ticket`, 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toBe('text/html;charset=utf-8');
    const css = await get(`${h.url}${asset(/^status-.*\.css$/)}`, 'gzip');
    expect([css.status, css.headers['content-encoding'], css.headers['content-type']]).toEqual([200, 'gzip', 'text/css']);
  });

  it('sends WOFF2 fonts (compressed already) as they are, and ships no TTF to browsers', async () => {
    h = await startTestHub();
    const fonts = assets.filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBe(4);
    expect(assets.filter((f) => /\.(ttf|otf)$/.test(f))).toEqual([]);
    expect(assets.filter((f) => /\.woff2\.(br|gz)$/.test(f))).toEqual([]);
    const font = await get(`${h.url}/kiosk/assets/${fonts[0] ?? ''}`, 'gzip, deflate, br');
    expect(font.status).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.bytes).toBeLessThan(40 * 1024);
  });
});
