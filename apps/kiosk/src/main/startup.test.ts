/**
 * Startup errors, in the spirit of actualbudget's e2e/startup-errors: for each broken config
 * the shell must not crash but decide to show a page that names the problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from './error-page';
import { decideStartup, kioskPageUrl } from './startup';

const GOOD = { hubUrl: 'https://hub.local:8443', token: 'k'.repeat(32), printer: { interface: 'printer:TM_T82' } };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startWith(content: string | null) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  if (content !== null) writeFileSync(path, content);
  return { path, decision: decideStartup({ argv: ['electron', 'main.cjs', '--config', path], env: {}, userDataDir: dir, cwd: dir }) };
}

function pageText(url: string): string {
  expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
  return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
}

describe('startup errors', () => {
  const cases: Array<[string, string | null, string[]]> = [
    ['missing file', null, ['Không tìm thấy tệp cấu hình ki-ốt', 'Config file not found']],
    ['bad JSON', '{"hubUrl": "http://hub", ', ['Tệp cấu hình không phải JSON hợp lệ', 'Invalid JSON']],
    ['bad URL', JSON.stringify({ ...GOOD, hubUrl: 'hub.local' }), ['Cấu hình ki-ốt có trường không hợp lệ', 'hubUrl: must be an http']],
    ['short token', JSON.stringify({ ...GOOD, token: 'abc' }), ['token: device token must be at least 16 characters']],
    ['bad printer', JSON.stringify({ ...GOOD, printer: { interface: 'COM3' } }), ['printer.interface: must look like']],
  ];

  it.each(cases)('%s → an error page naming the problem', (_name, content, expected) => {
    const { path, decision } = startWith(content);
    expect(decision.kind).toBe('config-error');
    if (decision.kind !== 'config-error') return;
    const html = pageText(decision.url);
    expect(html).toBe(decision.html);
    for (const text of [...expected, path]) expect(html).toContain(escapeHtml(text));
    expect(html).toContain('liên hệ cán bộ');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script/i);
  });

  it('field values cannot inject markup into the error page', () => {
    const { decision } = startWith(JSON.stringify({ ...GOOD, '<img src=x onerror=alert(1)>': 1 }));
    expect(decision.kind === 'config-error' && decision.html).not.toContain('<img');
  });

  it('a good config runs the hub kiosk page in the configured language', () => {
    const { path, decision } = startWith(JSON.stringify({ ...GOOD, language: 'en' }));
    expect(decision).toMatchObject({
      kind: 'run',
      configPath: path,
      kioskUrl: 'https://hub.local:8443/kiosk/?lang=en',
      hubOrigin: 'https://hub.local:8443',
    });
  });
});

describe('kioskPageUrl', () => {
  it('appends /kiosk/ once, under a sub-path too', () => {
    expect(kioskPageUrl('http://10.0.0.2:8080', 'vi')).toBe('http://10.0.0.2:8080/kiosk/?lang=vi');
    expect(kioskPageUrl('http://10.0.0.2/qms/', 'en')).toBe('http://10.0.0.2/qms/kiosk/?lang=en');
  });
});
