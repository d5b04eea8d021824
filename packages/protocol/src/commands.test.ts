import { PRIORITY_GROUPS } from '@qms/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  COMMAND_NAMES,
  COMMANDS,
  MAX_PAYLOAD_BYTES,
  idSchema,
  idempotencyKeySchema,
  type CommandName,
  type CommandPayload,
} from './commands';
import { handshakeAuthSchema } from './handshake';
import { ROLES, type Role } from './roles';

function parse(name: CommandName, payload: unknown): ReturnType<z.ZodType['safeParse']> {
  const schema: z.ZodType = COMMANDS[name].input;
  return schema.safeParse(payload);
}

/** One valid payload per command, with every optional key present. Typed, so a new command must add one. */
const GOOD: { [C in CommandName]: CommandPayload<C> } = {
  'ticket:issue': { fieldId: 'f-land', priorityGroup: 'elderly', idempotencyKey: 'kiosk-1:7f3c9a20' },
  'counter:callNext': { counterId: 'c1', idempotencyKey: 'o1:call:0001' },
  'counter:callTicket': { counterId: 'c1', ticketId: 't_2026-11-23.A-007', idempotencyKey: 'o1:call:0002' },
  'ticket:recall': { ticketId: 't1', idempotencyKey: 'o1:recall:0001' },
  'ticket:start': { ticketId: 't1', idempotencyKey: 'o1:start:0001' },
  'ticket:finish': { ticketId: 't1', idempotencyKey: 'o1:finish:0001' },
  'ticket:noShow': { ticketId: 't1', idempotencyKey: 'o1:noshow:0001' },
  'ticket:transfer': {
    ticketId: 't1',
    toFieldId: 'f-civil',
    toCounterId: 'c2',
    note: 'Thiếu bản sao giấy khai sinh',
    idempotencyKey: 'o1:transfer:0001',
  },
  'ticket:cancel': { ticketId: 't1', idempotencyKey: 'o1:cancel:0001' },
  'counter:open': { counterId: 'c1', force: true, idempotencyKey: 'o1:open:0001' },
  'counter:pause': { counterId: 'c1', idempotencyKey: 'o1:pause:0001' },
  'counter:close': { counterId: 'c1', idempotencyKey: 'o1:close:0001' },
  'ticket:print': { ticketId: 't1', locale: 'en', baseUrl: 'http://192.168.1.10:3000', idempotencyKey: 'k1:print:0001' },
  'printer:report': { ticketId: 't1', code: 'PRINTER_PAPER_OUT', message: 'Paper out' },
  'ticket:rate': { ticketId: 't1', level: 'very_satisfied' },
  'dossier:create': {
    ticketId: 't1',
    procedureId: 'tt-ks',
    applicant: { fullName: 'Nguyen Van An', cccd: '001090012345', phone: '0912345678', birthDate: '1990-01-01', address: 'Ha Noi' },
    note: 'Ban sao giay to',
    idempotencyKey: 'o1:dossier:0001',
  },
  'dossier:link': { ticketId: 't1', code: '000.00.00.H26-261123-0001' },
  'dossier:setStatus': { dossierId: 'd1', status: 'result_ready', note: 'Da co ket qua', idempotencyKey: 'o1:status:0001' },
  'dossier:setDocuments': { dossierId: 'd1', documents: [{ name: 'To khai (mau CT01)', form: 'original', quantity: 1 }], idempotencyKey: 'o1:docs:0001' },
  'dossier:get': { code: '000.00.00.H26-261123-0001' },
  'dossier:forTicket': { ticketId: 't1' },
  'dossier:search': {
    code: '261123-0001',
    applicant: 'Nguyen Van',
    procedureId: 'tt-ks',
    statuses: ['processing', 'needs_supplement'],
    receivedFrom: '2026-11-01',
    receivedTo: '2026-11-30',
    dueWithinDays: 3,
    overdue: true,
    sort: 'overdue_first',
    page: 2,
    pageSize: 100,
  },
  'dossier:history': { dossierId: 'd1' },
  'dossier:changeStatus': { dossierId: 'd1', status: 'result_ready', note: 'Co ket qua tu so Tu phap', idempotencyKey: 'o1:desk:0001' },
  'dossier:lookup': { code: '000.00.00.H26-261123-0001' },
  'ticket:issuePickup': { code: '000.00.00.H26-261123-0001', idempotencyKey: 'k1:pickup:0001' },
  'config:get': {},
  'site:update': {
    name: 'UBND phuong Ba Dinh',
    agencyCode: '000.00.00.H26',
    openingHours: [{ weekday: 1, open: '07:30', close: '11:30' }],
    priority: { enabledGroups: ['elderly'], maxConsecutivePriority: 2 },
    pickupFieldId: 'f-result',
  },
  'holidays:set': { holidays: [{ day: '2027-01-01', name: 'Tet Duong lich', kind: 'off' }, { day: '2027-01-09', name: 'Lam bu', kind: 'work' }] },
  'field:save': {
    id: 'f1',
    code: 'tu-phap',
    nameVi: 'Tu phap',
    nameEn: 'Justice',
    hintVi: 'Khai sinh',
    hintEn: 'Birth',
    icon: 'scale',
    numberFormat: { style: 'numeric', prefix: '', rangeStart: 1001, rangeEnd: 1999, pad: 3 },
    sortOrder: 1,
    enabled: true,
    defaultServiceMinutes: 10,
  },
  'field:reorder': { ids: ['f2', 'f1'] },
  'procedure:save': { id: 'p1', fieldId: 'f1', code: '1.001193', name: 'Dang ky khai sinh', processingDays: 0, cutoffTime: '15:00', fee: 0, enabled: true },
  'counter:save': { id: 'c1', number: 3, name: 'Quay 3', kind: 'receiving', fieldIds: ['f1', 'f2'], enabled: true },
  'officer:save': { id: 'o9', username: 'canbo9', fullName: 'Can bo 9', role: 'officer', enabled: true, password: 'mat-khau-moi-9' },
  'device:save': { id: 'display-2', kind: 'display', name: 'Man hinh tang 2', settings: { counters: [5, 6] } },
  'device:rotateToken': { id: 'display-2' },
  'device:revoke': { id: 'display-2' },
  'dashboard:get': {},
  'report:run': { from: '2026-11-01', to: '2026-11-30', groupBy: 'field' },
  'sync:snapshot': {},
};

const REQUIRED: Record<CommandName, string[]> = {
  'ticket:issue': ['fieldId', 'idempotencyKey'],
  'counter:callNext': ['counterId', 'idempotencyKey'],
  'counter:callTicket': ['counterId', 'ticketId', 'idempotencyKey'],
  'ticket:recall': ['ticketId'],
  'ticket:start': ['ticketId'],
  'ticket:finish': ['ticketId'],
  'ticket:noShow': ['ticketId'],
  'ticket:transfer': ['ticketId'],
  'ticket:cancel': ['ticketId'],
  'counter:open': ['counterId'],
  'counter:pause': ['counterId'],
  'counter:close': ['counterId'],
  'ticket:print': ['ticketId'],
  'printer:report': ['code', 'message'],
  'ticket:rate': ['ticketId', 'level'],
  'dossier:create': ['procedureId', 'applicant', 'idempotencyKey'],
  'dossier:link': ['ticketId', 'code'],
  'dossier:setStatus': ['dossierId', 'status'],
  'dossier:setDocuments': ['dossierId', 'documents'],
  'dossier:get': ['code'],
  'dossier:forTicket': ['ticketId'],
  'dossier:search': [],
  'dossier:history': ['dossierId'],
  'dossier:changeStatus': ['dossierId', 'status', 'idempotencyKey'],
  'dossier:lookup': ['code'],
  'ticket:issuePickup': ['code', 'idempotencyKey'],
  'config:get': [],
  'site:update': ['name', 'agencyCode', 'openingHours', 'priority', 'pickupFieldId'],
  'holidays:set': ['holidays'],
  'field:save': ['code', 'nameVi', 'nameEn', 'hintVi', 'hintEn', 'icon', 'numberFormat', 'sortOrder', 'enabled', 'defaultServiceMinutes'],
  'field:reorder': ['ids'],
  'procedure:save': ['fieldId', 'code', 'name', 'processingDays', 'fee', 'enabled'],
  'counter:save': ['number', 'name', 'kind', 'fieldIds', 'enabled'],
  'officer:save': ['username', 'fullName', 'role', 'enabled'],
  'device:save': ['kind', 'name', 'settings'],
  'device:rotateToken': ['id'],
  'device:revoke': ['id'],
  'dashboard:get': [],
  'report:run': ['from', 'to', 'groupBy'],
  'sync:snapshot': [],
};

const ID_FIELDS: Record<CommandName, string[]> = {
  'ticket:issue': ['fieldId'],
  'counter:callNext': ['counterId'],
  'counter:callTicket': ['counterId', 'ticketId'],
  'ticket:recall': ['ticketId'],
  'ticket:start': ['ticketId'],
  'ticket:finish': ['ticketId'],
  'ticket:noShow': ['ticketId'],
  'ticket:transfer': ['ticketId', 'toFieldId', 'toCounterId'],
  'ticket:cancel': ['ticketId'],
  'counter:open': ['counterId'],
  'counter:pause': ['counterId'],
  'counter:close': ['counterId'],
  'ticket:print': ['ticketId'],
  'printer:report': ['ticketId'],
  'ticket:rate': ['ticketId'],
  'dossier:create': ['ticketId', 'procedureId'],
  'dossier:link': ['ticketId'],
  'dossier:setStatus': ['dossierId'],
  'dossier:setDocuments': ['dossierId'],
  'dossier:get': [],
  'dossier:forTicket': ['ticketId'],
  'dossier:search': ['procedureId'],
  'dossier:history': ['dossierId'],
  'dossier:changeStatus': ['dossierId'],
  'dossier:lookup': [],
  'ticket:issuePickup': [],
  'config:get': [],
  'site:update': ['pickupFieldId'],
  'holidays:set': [],
  'field:save': ['id'],
  'field:reorder': [],
  'procedure:save': ['id', 'fieldId'],
  'counter:save': ['id'],
  'officer:save': ['id'],
  'device:save': ['id'],
  'device:rotateToken': ['id'],
  'device:revoke': ['id'],
  'dashboard:get': [],
  'report:run': [],
  'sync:snapshot': [],
};

/** A retry of these must return the first result, so the key is required. */
const KEY_REQUIRED: CommandName[] = ['ticket:issue', 'counter:callNext', 'counter:callTicket', 'dossier:create', 'ticket:issuePickup', 'dossier:changeStatus'];
/** Repeating these would be harmless but noisy; the key is optional. */
const KEY_OPTIONAL: CommandName[] = [
  'ticket:recall',
  'ticket:start',
  'ticket:finish',
  'ticket:noShow',
  'ticket:transfer',
  'ticket:cancel',
  'counter:open',
  'counter:pause',
  'counter:close',
  'ticket:print',
  'dossier:setStatus',
  'dossier:setDocuments',
];

/** Commands without a key: reading, and reports whose repetition only adds a log line. */
const KEY_NONE: CommandName[] = [
  'sync:snapshot',
  'config:get',
  'site:update',
  'holidays:set',
  'field:save',
  'field:reorder',
  'procedure:save',
  'counter:save',
  'officer:save',
  'device:save',
  'device:rotateToken',
  'device:revoke',
  'dashboard:get',
  'report:run',
  'printer:report',
  'ticket:rate',
  'dossier:link',
  'dossier:get',
  'dossier:forTicket',
  'dossier:search',
  'dossier:history',
  'dossier:lookup',
];

const BAD_IDS = [
  '',
  ' ',
  'c 1',
  ' c1',
  'c1 ',
  'c1\n',
  '1; DROP TABLE tickets',
  "1' OR '1'='1",
  'c1;--',
  'a/b',
  '../etc/passwd',
  '<script>',
  'quầy-1',
  'x'.repeat(65),
];

/** Values of another JSON type than `value`. */
/** Keys where null is a legitimate value. */
const NULLABLE = new Set(['priorityGroup', 'pickupFieldId', 'cutoffTime']);

function wrongTypes(key: string, value: unknown): unknown[] {
  let others: unknown[];
  if (typeof value === 'boolean') others = ['true', 1, {}];
  else if (typeof value === 'number') others = ['42', true, {}, ['x']];
  else if (Array.isArray(value)) others = ['x', 42, true, {}];
  else if (typeof value === 'object' && value !== null) others = ['x', 42, true, ['x']];
  else others = [42, true, {}, ['x']];
  return NULLABLE.has(key) ? others : [...others, null];
}

const cases = COMMAND_NAMES.map((name) => ({ name }));

describe('COMMANDS schemas', () => {
  it('GOOD, REQUIRED and ID_FIELDS cover exactly the commands', () => {
    for (const table of [GOOD, REQUIRED, ID_FIELDS]) expect(Object.keys(table).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(cases)('$name parses a good payload unchanged', ({ name }) => {
    const r = parse(name, GOOD[name]);
    expect(r.error).toBeUndefined();
    expect(r.data).toEqual(GOOD[name]);
  });

  it.each(cases)('$name rejects a payload that is not an object', ({ name }) => {
    for (const payload of [undefined, null, 'x', 42, true, [GOOD[name]]]) expect(parse(name, payload).success).toBe(false);
  });

  it.each(cases)('$name rejects unknown extra keys', ({ name }) => {
    expect(parse(name, { ...GOOD[name], extra: 1 }).success).toBe(false);
    if (!('role' in COMMANDS[name].input.shape)) expect(parse(name, { ...GOOD[name], role: 'admin' }).success).toBe(false);
    expect(parse(name, { ...GOOD[name], constructor: 'x' }).success).toBe(false);
    // JSON from the wire may carry an own "__proto__" key.
    const body = Object.entries(GOOD[name]).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`);
    expect(parse(name, JSON.parse(`{"__proto__":{"isAdmin":true}${body.join('')}}`)).success).toBe(false);
  });

  it.each(cases)('$name rejects a missing required field', ({ name }) => {
    for (const key of REQUIRED[name]) {
      const payload: Record<string, unknown> = { ...GOOD[name] };
      delete payload[key];
      expect(parse(name, payload).success, `${name} without ${key}`).toBe(false);
    }
  });

  it.each(cases)('$name accepts the required fields alone', ({ name }) => {
    const good: Record<string, unknown> = GOOD[name];
    const minimal = Object.fromEntries(REQUIRED[name].map((k) => [k, good[k]]));
    if (name === 'ticket:transfer') minimal['toFieldId'] = good['toFieldId'];
    expect(parse(name, minimal).success).toBe(true);
  });

  it.each(cases)('$name rejects wrong types in every field', ({ name }) => {
    for (const [key, value] of Object.entries(GOOD[name])) {
      for (const wrong of wrongTypes(key, value)) {
        expect(parse(name, { ...GOOD[name], [key]: wrong }).success, `${name}.${key} = ${JSON.stringify(wrong)}`).toBe(false);
      }
    }
  });

  it.each(cases)('$name rejects bad ids and accepts ids up to 64 characters', ({ name }) => {
    for (const key of ID_FIELDS[name]) {
      for (const bad of BAD_IDS) {
        expect(parse(name, { ...GOOD[name], [key]: bad }).success, `${name}.${key} = ${JSON.stringify(bad)}`).toBe(false);
      }
      for (const ok of ['a', 'x'.repeat(64), 'f_land', 'site-1:counter.2', '0001']) {
        expect(parse(name, { ...GOOD[name], [key]: ok }).success, `${name}.${key} = ${ok}`).toBe(true);
      }
    }
  });

  it('idSchema itself: letters, digits, _ . : - only, 1 to 64 characters', () => {
    expect(idSchema.safeParse('A-z_0.9:x').success).toBe(true);
    for (const bad of BAD_IDS) expect(idSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('idempotency keys', () => {
  it.each([...KEY_REQUIRED, ...KEY_OPTIONAL].map((name) => ({ name })))('$name: 8 to 100 characters of [A-Za-z0-9_.:-]', ({ name }) => {
    const withKey = (idempotencyKey: unknown) => parse(name, { ...GOOD[name], idempotencyKey });
    expect(withKey('k'.repeat(7)).success).toBe(false);
    expect(withKey('k'.repeat(8)).success).toBe(true);
    expect(withKey('k'.repeat(100)).success).toBe(true);
    expect(withKey('k'.repeat(101)).success).toBe(false);
    expect(withKey('').success).toBe(false);
    expect(withKey(null).success).toBe(false);
    expect(withKey('key with spaces').success).toBe(false);
    expect(withKey('12345678; DROP TABLE idempotency').success).toBe(false);
    expect(withKey(12345678).success).toBe(false);
  });

  it.each(KEY_REQUIRED.map((name) => ({ name })))('$name cannot be sent without a key', ({ name }) => {
    const { idempotencyKey: _omitted, ...rest } = GOOD[name] as Record<string, unknown>;
    expect(parse(name, rest).success).toBe(false);
  });

  it.each(KEY_OPTIONAL.map((name) => ({ name })))('$name may be sent without a key', ({ name }) => {
    const { idempotencyKey: _omitted, ...rest } = GOOD[name] as Record<string, unknown>;
    expect(parse(name, rest).success).toBe(true);
  });

  it('every command but the KEY_NONE ones takes a key; the lists above cover them', () => {
    const withKey = COMMAND_NAMES.filter((name) => 'idempotencyKey' in COMMANDS[name].input.shape);
    expect(withKey.sort()).toEqual([...KEY_REQUIRED, ...KEY_OPTIONAL].sort());
    expect(COMMAND_NAMES.filter((n) => !withKey.includes(n)).sort()).toEqual([...KEY_NONE].sort());
  });

  it('idempotencyKeySchema matches the command fields', () => {
    expect(idempotencyKeySchema.safeParse('abcdefgh').success).toBe(true);
    expect(idempotencyKeySchema.safeParse('abcdefg').success).toBe(false);
  });
});

describe('ticket:issue', () => {
  it('priorityGroup defaults to null', () => {
    const r = parse('ticket:issue', { fieldId: 'f-land', idempotencyKey: 'kiosk-1:00000001' });
    expect(r.data).toEqual({ fieldId: 'f-land', priorityGroup: null, idempotencyKey: 'kiosk-1:00000001' });
    expect(parse('ticket:issue', { ...GOOD['ticket:issue'], priorityGroup: null }).data).toMatchObject({ priorityGroup: null });
  });

  it('accepts every priority group and nothing else', () => {
    for (const g of PRIORITY_GROUPS) expect(parse('ticket:issue', { ...GOOD['ticket:issue'], priorityGroup: g }).success).toBe(true);
    for (const g of ['vip', 'ELDERLY', '', 'elderly ']) {
      expect(parse('ticket:issue', { ...GOOD['ticket:issue'], priorityGroup: g }).success, g).toBe(false);
    }
  });
});

describe('ticket:transfer', () => {
  const t = (payload: Record<string, unknown>) => parse('ticket:transfer', payload);

  it('needs a target field or counter', () => {
    expect(t({ ticketId: 't1' }).success).toBe(false);
    expect(t({ ticketId: 't1', note: 'không có đích' }).success).toBe(false);
    expect(t({ ticketId: 't1', toFieldId: 'f-civil' }).success).toBe(true);
    expect(t({ ticketId: 't1', toCounterId: 'c2' }).success).toBe(true);
    expect(t({ ticketId: 't1', toFieldId: 'f-civil', toCounterId: 'c2' }).success).toBe(true);
  });

  it('says what is missing', () => {
    const r = t({ ticketId: 't1' });
    expect(r.error?.issues.map((i) => i.message)).toContain('toFieldId or toCounterId is required');
  });

  it('takes a note of up to 500 characters', () => {
    expect(t({ ticketId: 't1', toFieldId: 'f-civil', note: 'ư'.repeat(500) }).success).toBe(true);
    expect(t({ ticketId: 't1', toFieldId: 'f-civil', note: 'ư'.repeat(501) }).success).toBe(false);
    expect(t({ ticketId: 't1', toFieldId: 'f-civil', note: '' }).success).toBe(true);
  });
});

describe('counter:open', () => {
  it('force defaults to false', () => {
    expect(parse('counter:open', { counterId: 'c1' }).data).toEqual({ counterId: 'c1', force: false });
    expect(parse('counter:open', { counterId: 'c1', force: 'yes' }).success).toBe(false);
  });
});

describe('payload size', () => {
  it('the largest valid payload of every command fits MAX_PAYLOAD_BYTES', () => {
    for (const name of COMMAND_NAMES) {
      const p: Record<string, unknown> = { ...GOOD[name] };
      for (const key of ID_FIELDS[name]) p[key] = 'x'.repeat(64);
      if ('idempotencyKey' in p) p['idempotencyKey'] = 'k'.repeat(100);
      if ('note' in p) p['note'] = '\u0001'.repeat(500); // JSON-escaped to 6 bytes each: the worst case
      expect(parse(name, p).success, name).toBe(true);
      const json = JSON.stringify(p);
      expect(json, name).toMatch(/^[\x20-\x7e]*$/); // printable ASCII: one byte per character
      expect(json.length, name).toBeLessThan(MAX_PAYLOAD_BYTES);
    }
  });
});

const ADMIN_ONLY: CommandName[] = [
  'config:get',
  'site:update',
  'holidays:set',
  'field:save',
  'field:reorder',
  'procedure:save',
  'counter:save',
  'officer:save',
  'device:save',
  'device:rotateToken',
  'device:revoke',
  'dashboard:get',
  'report:run',
];

describe('authorisation matrix', () => {
  /**
   * The rule: kiosks issue tickets (and print and report their own printer), everyone may ask
   * for a snapshot, everything else is staff only.
   */
  function expectedRoles(name: CommandName): Role[] {
    if (name === 'ticket:issue') return ['kiosk', 'officer', 'admin'];
    if (name === 'ticket:print' || name === 'printer:report') return ['kiosk'];
    if (name === 'ticket:rate') return ['display'];
    if (name === 'dossier:lookup' || name === 'ticket:issuePickup') return ['kiosk'];
    if (ADMIN_ONLY.includes(name)) return ['admin'];
    if (name === 'sync:snapshot') return ['kiosk', 'display', 'officer', 'admin'];
    return ['officer', 'admin'];
  }

  it.each(cases)('$name is allowed to exactly the expected roles', ({ name }) => {
    expect([...COMMANDS[name].roles].sort()).toEqual(expectedRoles(name).sort());
  });

  it('a display can send nothing but ticket:rate (rating tablets) and sync:snapshot', () => {
    expect(COMMAND_NAMES.filter((n) => (COMMANDS[n].roles as readonly Role[]).includes('display')).sort()).toEqual([
      'sync:snapshot',
      'ticket:rate',
    ]);
  });

  it('a kiosk can send only ticket:issue, ticket:print, printer:report, the pickup look-up and sync:snapshot', () => {
    expect(COMMAND_NAMES.filter((n) => (COMMANDS[n].roles as readonly Role[]).includes('kiosk')).sort()).toEqual([
      'dossier:lookup',
      'printer:report',
      'sync:snapshot',
      'ticket:issue',
      'ticket:issuePickup',
      'ticket:print',
    ]);
  });

  it('every role list is non-empty, without duplicates, and names known roles only', () => {
    for (const name of COMMAND_NAMES) {
      const roles: readonly string[] = COMMANDS[name].roles;
      expect(roles.length).toBeGreaterThan(0);
      expect(new Set(roles).size).toBe(roles.length);
      for (const r of roles) expect(ROLES as readonly string[]).toContain(r);
    }
  });

  it('COMMAND_NAMES lists every command once', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const name of COMMAND_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

describe('handshakeAuthSchema', () => {
  const token = 'T'.repeat(43);
  const good = [
    { kind: 'device', protocolVersion: 1, token },
    { kind: 'session', protocolVersion: 1, token },
    { kind: 'password', protocolVersion: 1, username: 'lan.nguyen', password: 'mật khẩu rất dài 123' },
  ];

  it('accepts the three kinds', () => {
    for (const auth of good) expect(handshakeAuthSchema.safeParse(auth).data).toEqual(auth);
  });

  it('rejects other kinds and a missing kind', () => {
    for (const kind of ['admin', 'kiosk', 'display', 'officer', 'anonymous', '', 'DEVICE']) {
      expect(handshakeAuthSchema.safeParse({ kind, protocolVersion: 1, token }).success, kind).toBe(false);
    }
    expect(handshakeAuthSchema.safeParse({ protocolVersion: 1, token }).success).toBe(false);
    for (const auth of [undefined, null, 'device', 42, []]) expect(handshakeAuthSchema.safeParse(auth).success).toBe(false);
  });

  it('needs an integer protocol version', () => {
    for (const auth of good) {
      expect(handshakeAuthSchema.safeParse({ ...auth, protocolVersion: undefined }).success).toBe(false);
      expect(handshakeAuthSchema.safeParse({ ...auth, protocolVersion: '1' }).success).toBe(false);
      expect(handshakeAuthSchema.safeParse({ ...auth, protocolVersion: 1.5 }).success).toBe(false);
    }
  });

  it('tokens are 16 to 200 characters', () => {
    for (const kind of ['device', 'session']) {
      const withToken = (t: unknown) => handshakeAuthSchema.safeParse({ kind, protocolVersion: 1, token: t }).success;
      expect(withToken('t'.repeat(15))).toBe(false);
      expect(withToken('t'.repeat(16))).toBe(true);
      expect(withToken('t'.repeat(200))).toBe(true);
      expect(withToken('t'.repeat(201))).toBe(false);
      expect(withToken(undefined)).toBe(false);
      expect(withToken(1234567890123456)).toBe(false);
    }
  });

  it('password logins need a username (1–64) and a password (1–200)', () => {
    const pw = (username: unknown, password: unknown) =>
      handshakeAuthSchema.safeParse({ kind: 'password', protocolVersion: 1, username, password }).success;
    expect(pw('a', 'p')).toBe(true);
    expect(pw('', 'p')).toBe(false);
    expect(pw('u'.repeat(64), 'p'.repeat(200))).toBe(true);
    expect(pw('u'.repeat(65), 'p')).toBe(false);
    expect(pw('u', 'p'.repeat(201))).toBe(false);
    expect(pw('u', '')).toBe(false);
    expect(pw(undefined, 'p')).toBe(false);
  });

  it('rejects extra keys and fields of another kind', () => {
    for (const auth of good) expect(handshakeAuthSchema.safeParse({ ...auth, role: 'admin' }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse({ kind: 'device', protocolVersion: 1, username: 'admin', password: 'x' }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse({ kind: 'password', protocolVersion: 1, token }).success).toBe(false);
  });
});

describe('dossier desk schemas', () => {
  it('dossier:changeStatus needs a note for a supplement request and a refusal', () => {
    const base = { dossierId: 'd1', idempotencyKey: 'o1:desk:0002' };
    expect(parse('dossier:changeStatus', { ...base, status: 'needs_supplement' }).success).toBe(false);
    expect(parse('dossier:changeStatus', { ...base, status: 'rejected', note: '   ' }).success).toBe(false);
    expect(parse('dossier:changeStatus', { ...base, status: 'rejected', note: 'Không đủ điều kiện' }).success).toBe(true);
    expect(parse('dossier:changeStatus', { ...base, status: 'result_ready' }).success).toBe(true);
  });

  it('dossier:search pages at most 100 rows, from <= to', () => {
    expect(parse('dossier:search', { pageSize: 101 }).success).toBe(false);
    expect(parse('dossier:search', { pageSize: 0 }).success).toBe(false);
    expect(parse('dossier:search', { receivedFrom: '2026-11-30', receivedTo: '2026-11-01' }).success).toBe(false);
    expect(parse('dossier:search', { overdue: false }).success).toBe(false);
    const d = parse('dossier:search', {});
    expect(d.success && d.data).toEqual({ sort: 'newest', page: 1, pageSize: 50 });
  });
});
