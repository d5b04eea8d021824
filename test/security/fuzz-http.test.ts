/**
 * Fuzzing of the HTTP side (fast-check): every /api route the hub declares, with random methods,
 * headers, content types, bodies and URL-encoded junk (broken %-escapes included). The hub must
 * answer every request below 500, with a JSON `{ ok: false, error: { code, message } }` whose
 * code is in ERROR_CODES for every /api error, never serve /api/admin/* to anyone but an admin,
 * store nothing for a refused request, and keep serving. Also: raw malformed HTTP, path traversal
 * out of the static folders, and the security headers that are there.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES } from '@qms/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { BackupService } from '../../apps/hub/src/backup';
import { FakeClock } from '../support/fake-clock';
import { REPO_ROOT } from '../support/hub-process';
import { startTestHub, type TestHub } from '../support/test-hub';
import { CSP } from '../../apps/hub/src/http/static';
import { describePayload } from './helpers/acks';
import { rowCounts } from './helpers/db';
import { HOSTILE_STRINGS, POLLUTION_PAYLOADS, prototypeIsClean } from './helpers/hostile';
import { ROUTE_KEY, httpRaw, sessionToken, tcpRaw, type RawResponse } from './helpers/http';
import { buildScene, type Scene } from './helpers/scene';

const RUNS = Number(process.env.QMS_FUZZ_RUNS ?? 200);
const CODES = new Set<string>(ERROR_CODES);

/** The JSON routes: the ones named in the brief, plus every `'METHOD /api/…'` key the hub's sources declare. */
function declaredRoutes(): Array<{ method: string; path: string }> {
  const known = [
    'POST /api/login',
    'POST /api/logout',
    'GET /api/health',
    'GET /api/public/tickets/:id',
    'GET /api/public/dossiers/:code',
    'GET /api/admin/personal-data',
    'POST /api/admin/personal-data/erase',
    'POST /api/admin/dossiers/import',
  ];
  for (const file of ['apps/hub/src/create-hub.ts', 'apps/hub/src/http/api.ts']) {
    if (!existsSync(join(REPO_ROOT, file))) continue;
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const m of text.matchAll(ROUTE_KEY)) known.push(`${m[1]} ${m[2]}`);
  }
  return [...new Set(known)].map((k) => {
    const [method = 'GET', path = '/'] = k.split(' ');
    return { method, path };
  });
}

let h: TestHub;
let scene: Scene;
let adminToken = '';
let officerToken = '';
let backups: BackupService | null = null;
const backupDir = mkdtempSync(join(tmpdir(), 'qms-fuzz-backups-'));
beforeAll(async () => {
  const clock = new FakeClock();
  let store: TestHub['store'] | null = null;
  // the backup routes exist only with a backup service: give the hub one, writing to a temp folder
  backups = new BackupService({
    store: {
      get db() {
        if (!store) throw new Error('hub not started');
        return store.db;
      },
    },
    dir: backupDir,
    keepDays: 1,
    at: '03:00',
    clock,
    logger: pino({ level: 'silent' }),
    catchUp: false,
  });
  // the per-address login limit would soon answer every fuzzed login with 429; lift it so the handler itself is fuzzed
  h = await startTestHub({ clock, hubOptions: { addressLimits: { maxFailures: 1_000_000 }, backups } });
  store = h.store;
  backups.start();
  scene = await buildScene(h);
  adminToken = await sessionToken(h.url, 'admin', h.creds.admin.password);
  officerToken = await sessionToken(h.url, 'canbo2', h.creds.officers[1]?.password ?? '');
});
afterAll(async () => {
  await backups?.stop();
  await h.close();
  rmSync(backupDir, { recursive: true, force: true });
});

/** Every /api error is the documented JSON shape with a known code. */
function expectApiError(r: RawResponse, context: string): void {
  const body = r.json as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  expect(body, `${context}: not JSON: ${r.text.slice(0, 120)}`).toBeTypeOf('object');
  expect(body?.ok, context).toBe(false);
  expect(CODES.has(String(body?.error?.code)), `${context}: code ${String(body?.error?.code)}`).toBe(true);
  expect(body?.error?.message, context).toBeTypeOf('string');
  expect(String(r.headers['content-type']), context).toMatch(/^application\/json/);
}

const JUNK_SEGMENTS = ['%', '%E0%A4%A', '%zz', '%00', '%2e%2e%2f%2e%2e%2f', '..', '', '%2F', '%u0041', ';x', '%C0%AE%C0%AE', '%FF%FE', '~', '%25', '*', "'%20OR%201=1--"];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'text/plain',
  'text/csv',
  'application/octet-stream',
  'multipart/form-data; boundary=----x',
  'application/x-www-form-urlencoded',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'image/png',
  '*/*',
];

function pathArb(route: { path: string }): fc.Arbitrary<string> {
  const segment = fc.oneof(
    fc.constantFrom(...JUNK_SEGMENTS),
    fc.constantFrom(...HOSTILE_STRINGS).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x'))),
    fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x'))),
    fc.constantFrom(scene.called.id, scene.dossier.code, '001090012345', 'q1'),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom('?k=%', '?k=%E0%A4%A', '?cccd=%', '?cccd=001090012345', '?cccd=001090012345&cccd=x', `?k=${scene.dossier.lookupPath.split('k=')[1] ?? ''}`, '?name=..%2F..%2Fx.csv', '?name=%00.xlsx', '?__proto__[polluted]=1', '?constructor[prototype][polluted]=1', '?a=1&a=2&a=3', '?%=%', '??', '?k'),
    segment.map((s) => `?k=${s}&name=${s}&cccd=${s}`),
  );
  const base = route.path.replace(':id', '{x}').replace(':code', '{x}');
  return fc
    .tuple(segment, query, fc.constantFrom('', '/', '//', '/%2e%2e', '/index.html', `/${'a'.repeat(3000)}`), fc.boolean())
    .map(([s, q, tail, upper]) => {
      const p = base.includes('{x}') ? base.replace('{x}', s || '%20') : `${base}${tail}`;
      return `${upper ? p.toUpperCase() : p}${q}`;
    });
}

function bodyArb(): fc.Arbitrary<Buffer | undefined> {
  const text = (s: string): Buffer => Buffer.from(s, 'utf8');
  return fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 4 }).map((v) => text(JSON.stringify(v))),
    fc.record({ username: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom('admin', 'canbo1')), password: fc.constantFrom(...HOSTILE_STRINGS) }, { requiredKeys: [] }).map((v) => text(JSON.stringify(v))),
    fc.record({ cccd: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.stringMatching(/^\d{11,13}$/)) }).map((v) => text(JSON.stringify(v))),
    fc.constantFrom(...POLLUTION_PAYLOADS).map((v) => text(JSON.stringify(v))),
    fc.constantFrom(...HOSTILE_STRINGS).map(text),
    fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
    fc.constantFrom(
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), // broken UTF-8
      Buffer.from([0xff, 0xfe, 0x41, 0x00]), // UTF-16 BOM
      Buffer.from('PK\u0003\u0004garbage-after-a-zip-header', 'latin1'),
      text('['.repeat(8_000)),
      text(`{"a":${'['.repeat(7_000)}${']'.repeat(7_000)}}`),
      text(`{"username":"${'x'.repeat(20_000)}","password":"y"}`), // over the 16 KiB body limit
      text('{"username":"admin","password":"x"'), // truncated JSON
      text('{"username":"admin","username":"canbo1","password":"x"}'),
      text('Mã hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái\n=CMD(),=1+1,<script>,x,y\n'),
    ),
  );
}

function authArb(isAdminPath: boolean): fc.Arbitrary<string | undefined> {
  const fake = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'Bearer undefined', `Bearer ${'A'.repeat(43)}`, `bearer ${'B'.repeat(43)}`),
    fc.constantFrom(...HOSTILE_STRINGS).map((s) => `Bearer ${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x'))}`),
  );
  // real tokens only where they cannot be spent (a real token sent to /api/logout would end the session)
  return isAdminPath
    ? fc.oneof(fake, fc.constantFrom(`Bearer ${adminToken}`, `Bearer ${officerToken}`, `Bearer  ${adminToken} `, `Bearer ${adminToken.toUpperCase()}`))
    : fake;
}

describe('HTTP fuzzing of every /api route', () => {
  it('found the routes to fuzz', () => {
    const routes = declaredRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/login', 'POST /api/admin/dossiers/import', 'GET /api/admin/personal-data']));
    console.info(`fuzzed routes: ${routes.join(', ')}`);
  });

  it.each(declaredRoutes().map((r) => [`${r.method} ${r.path}`, r]))('%s', async (_label, route) => {
    const isAdminPath = route.path.startsWith('/api/admin/');
    const request = fc.record({
      method: fc.oneof({ arbitrary: fc.constant(route.method), weight: 3 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
      path: pathArb(route),
      contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
      auth: authArb(isAdminPath),
      body: bodyArb(),
      extraHeaders: fc.dictionary(
        fc.constantFrom('x-forwarded-for', 'x-real-ip', 'origin', 'cookie', 'accept', 'accept-encoding', 'transfer-encoding-x', 'x-http-method-override', 'host'),
        fc.constantFrom('127.0.0.1', '10.0.0.1, 127.0.0.1', 'http://evil.example', 'session=1', '*/*', 'gzip', 'DELETE', 'evil.example', '../../'),
        { maxKeys: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const headers: Record<string, string> = { ...q.extraHeaders };
        if (q.contentType !== undefined) headers['content-type'] = q.contentType;
        if (q.auth !== undefined) headers.authorization = q.auth;
        const before = rowCounts(h.store);
        const r = await httpRaw(h.url, q.method, q.path, headers, q.method === 'GET' || q.method === 'HEAD' ? undefined : q.body);
        const context = `${q.method} ${q.path.slice(0, 160)} ${describePayload(headers)} body ${q.body?.length ?? 0} B → ${r.status} ${r.text.slice(0, 160)}`;
        expect(r.status, `${context}: a server error`).toBeLessThan(500);
        expect(r.status, context).toBeGreaterThanOrEqual(200);
        const isApi = q.path.startsWith('/api/') || q.path.startsWith('/API/');
        if (isApi && r.status >= 400 && q.method !== 'HEAD') expectApiError(r, context);
        if (q.path.toLowerCase().startsWith('/api/admin/') && r.status < 300) {
          expect(q.auth, `${context}: /api/admin answered without the admin's token`).toMatch(new RegExp(`^Bearer\\s+${adminToken}\\s*$`));
        }
        if (r.status >= 400) expect(rowCounts(h.store), `${context}: a refused request changed the database`).toEqual(before);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect((await httpRaw(h.url, 'GET', '/api/health')).status).toBe(200);
    expect(prototypeIsClean()).toBe(true);
  });

  it('malformed HTTP on the wire (bad request lines, headers, chunking, huge headers) is refused by the server and the hub keeps serving', async () => {
    const raws = [
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello',
      'POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
      'GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /api/health\r\n\r\n',
      'BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/%%% HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/public/tickets/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET http://evil.example/api/health HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n',
      '\u0000\u0001\u0002\u0003garbage\r\n\r\n',
      'POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999\r\n\r\n{"username":',
    ];
    for (const text of raws) {
      const answer = await tcpRaw(h.url, Buffer.from(text, 'latin1'));
      expect(answer.startsWith('HTTP/1.1 5'), `${describePayload(text.slice(0, 80))} → ${answer.slice(0, 80)}`).toBe(false);
    }
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => tcpRaw(h.url, Buffer.from(`GET /api/public/tickets/${'%'.repeat(i)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1'))),
    );
    expect(burst.every((a) => !a.startsWith('HTTP/1.1 5'))).toBe(true);
    const health = await httpRaw(h.url, 'GET', '/api/health');
    expect(health.status).toBe(200);
  });
});

describe('static files', () => {
  let dir = '';
  let withVoice: TestHub;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qms-traversal-'));
    mkdirSync(join(dir, 'voice', 'vi'), { recursive: true });
    writeFileSync(join(dir, 'voice', 'vi', 'manifest.json'), '{"locale":"vi","clips":{}}');
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET-VOICE-NEIGHBOUR');
    withVoice = await startTestHub({ hubOptions: { voiceDir: join(dir, 'voice') } });
  });
  afterAll(async () => {
    await withVoice.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('no path leaves the web root or the voice folder', async () => {
    const targets = ['package.json', 'data/qms.sqlite', 'apps/hub/src/create-hub.ts', 'secret.txt', 'etc/passwd'];
    const prefixes = ['/kiosk/', '/counter/', '/display/', '/display/voice/', '/display/voice/vi/', '/t/', '/d/', '/admin/', '/'];
    const ups = ['../', '..%2f', '%2e%2e/', '%2e%2e%2f', '..%5c', '%252e%252e%252f', '....//', '..;/', '%c0%ae%c0%ae/', '.%2e/'];
    const secrets = [readFileSync(join(REPO_ROOT, 'package.json'), 'utf8').slice(0, 40), 'TOP-SECRET-VOICE-NEIGHBOUR', 'root:x:0:0', 'createHub', 'SQLite format 3'];
    for (const prefix of prefixes) {
      for (const up of ups) {
        for (const target of targets) {
          const path = `${prefix}${up.repeat(6)}${target}`;
          const r = await httpRaw(withVoice.url, 'GET', path);
          expect(r.status, path).toBeLessThan(500);
          for (const s of secrets) expect(r.text.includes(s), `${path} leaked ${s}`).toBe(false);
        }
      }
    }
  });

  it('security headers: pages nosniff + no-referrer + CSP + no framing, JSON nosniff + no-store', async () => {
    for (const path of ['/kiosk/', '/counter/', '/display/', '/admin/', '/t/some-id']) {
      const page = await httpRaw(h.url, 'GET', path);
      expect(page.status, `${path}: build the web UIs first (npx tsx build/build-web.ts)`).toBe(200);
      expect(page.headers['x-content-type-options'], path).toBe('nosniff');
      expect(page.headers['referrer-policy'], path).toBe('no-referrer');
      expect(page.headers['content-security-policy'], path).toBe(CSP);
      expect(page.headers['x-frame-options'], path).toBe('DENY');
    }
    const index = await httpRaw(h.url, 'GET', '/');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("frame-ancestors 'none'");
    for (const path of ['/api/health', '/api/public/tickets/nope', '/api/nope']) {
      const r = await httpRaw(h.url, 'GET', path);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['cache-control'], path).toBe('no-store');
    }
    // CORS is not granted to other origins
    const cors = await httpRaw(h.url, 'OPTIONS', '/api/login', { origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();
    const login = await httpRaw(h.url, 'POST', '/api/login', { origin: 'http://evil.example', 'content-type': 'application/json' }, '{"username":"x","password":"y"}');
    expect(login.headers['access-control-allow-origin']).toBeUndefined();
  });
});
