import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, resolveConfigPath } from './config';

const VALID = {
  hubUrl: 'http://192.168.1.10:8080/',
  token: 'kiosk-token-0123456789',
  printer: { interface: 'tcp://192.168.1.50:9100' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('resolveConfigPath', () => {
  const base = { env: {}, userDataDir: '/home/k/.config/qms-kiosk', cwd: '/srv' };

  it('prefers --config <path>, then --config=<path>, relative to cwd', () => {
    expect(resolveConfigPath({ ...base, argv: ['electron', 'main.cjs', '--config', 'k.json'] })).toBe('/srv/k.json');
    expect(resolveConfigPath({ ...base, argv: ['x', '--config=/etc/qms/k.json'] })).toBe('/etc/qms/k.json');
    expect(
      resolveConfigPath({ ...base, argv: ['x', '--config', '/a.json'], env: { QMS_KIOSK_CONFIG: '/b.json' } }),
    ).toBe('/a.json');
  });

  it('falls back to QMS_KIOSK_CONFIG, then <userData>/kiosk.json', () => {
    expect(resolveConfigPath({ ...base, argv: [], env: { QMS_KIOSK_CONFIG: '/b.json' } })).toBe('/b.json');
    expect(resolveConfigPath({ ...base, argv: ['x', '--config'], env: { QMS_KIOSK_CONFIG: ' ' } })).toBe(
      '/home/k/.config/qms-kiosk/kiosk.json',
    );
  });
});

describe('loadConfig', () => {
  it('reads a valid file and fills the defaults', () => {
    const path = write('kiosk.json', JSON.stringify(VALID));
    const result = loadConfig(path);
    expect(result).toEqual({
      ok: true,
      path,
      config: {
        hubUrl: 'http://192.168.1.10:8080',
        token: VALID.token,
        printer: { interface: 'tcp://192.168.1.50:9100', type: 'epson', paperWidth: 80, timeoutMs: 3000 },
        language: 'vi',
        production: true,
        idleSeconds: 60,
      },
    });
  });

  it('accepts a named OS printer, star, 58 mm, English and dev mode', () => {
    const config = { ...VALID, language: 'en', production: false, printer: { interface: 'printer:TM_T82', type: 'star', paperWidth: 58 } };
    const result = loadConfig(write('k.json', `\uFEFF${JSON.stringify(config)}`));
    expect(result.ok && result.config.printer).toEqual({ interface: 'printer:TM_T82', type: 'star', paperWidth: 58, timeoutMs: 3000 });
    expect(result.ok && [result.config.language, result.config.production]).toEqual(['en', false]);
  });

  it('the shipped kiosk.example.json is valid', () => {
    const result = loadConfig(fileURLToPath(new URL('../../kiosk.example.json', import.meta.url)));
    expect(result.ok).toBe(true);
  });

  it('a missing file says so in Vietnamese and names the path in English', () => {
    const path = join(dir, 'nope.json');
    const result = loadConfig(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('missing');
    expect(result.error.title).toBe('Không tìm thấy tệp cấu hình ki-ốt');
    expect(result.error.details[0]).toBe(`Config file not found: ${path}`);
  });

  it('bad JSON is reported with the parser message', () => {
    const result = loadConfig(write('k.json', '{ "hubUrl": '));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('bad-json');
    expect(result.error.title).toMatch(/JSON/);
    expect(result.error.details[0]).toMatch(/^Invalid JSON: /);
  });

  it('a read error other than "not found" is reported as unreadable', () => {
    const result = loadConfig(dir); // a directory: EISDIR
    expect(result.ok || result.error.kind).toBe('unreadable');
  });
});

describe('parseConfig lists every bad field by its path', () => {
  function problems(json: unknown): string[] {
    const result = parseConfig(json, '/k.json');
    if (result.ok) throw new Error('expected the config to be rejected');
    expect(result.error.title).toBe('Cấu hình ki-ốt có trường không hợp lệ');
    return result.error.details;
  }

  it.each([
    ['hubUrl', { ...VALID, hubUrl: 'ftp://hub' }, /^hubUrl: must be an http/],
    ['hubUrl', { ...VALID, hubUrl: 'not a url' }, /^hubUrl: /],
    ['token', { ...VALID, token: 'short' }, /^token: device token must be at least 16/],
    ['printer.interface', { ...VALID, printer: { interface: 'usb' } }, /^printer\.interface: must look like/],
    ['printer.type', { ...VALID, printer: { ...VALID.printer, type: 'zebra' } }, /^printer\.type: /],
    ['printer.paperWidth', { ...VALID, printer: { ...VALID.printer, paperWidth: 76 } }, /^printer\.paperWidth: /],
    ['printer.timeoutMs', { ...VALID, printer: { ...VALID.printer, timeoutMs: 1.5 } }, /^printer\.timeoutMs: /],
    ['language', { ...VALID, language: 'fr' }, /^language: /],
    ['production', { ...VALID, production: 'yes' }, /^production: /],
    ['idleSeconds', { ...VALID, idleSeconds: 0 }, /^idleSeconds: /],
    ['unknown key', { ...VALID, hubURL: 'x' }, /hubURL/],
  ])('%s', (_name, json, expected) => {
    expect(problems(json)).toEqual([expect.stringMatching(expected)]);
  });

  it('several problems at once are all listed', () => {
    const details = problems({ hubUrl: 'x', printer: {} });
    expect(details.map((d) => d.split(':')[0])).toEqual(['hubUrl', 'token', 'printer.interface']);
  });

  it('a non-object is rejected at the root', () => {
    expect(problems([1, 2])[0]).toMatch(/^\(root\): /);
  });
});
