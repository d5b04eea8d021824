/**
 * Hostile values the security suites throw at the hub: injection fragments, broken Unicode,
 * prototype-pollution keys, deep nesting and sizes just under the transport's 1 MB limit.
 */

/** Script payloads used for the "no injected script runs in any UI" checks. */
export const XSS_IMG = '<img src=x onerror="window.__pwned=1">';
export const XSS_SCRIPT = '"><script>window.__pwned=1</script>';

export const HOSTILE_STRINGS: readonly string[] = [
  // SQL
  "' OR '1'='1",
  "x'; DROP TABLE tickets; --",
  'Robert"); DROP TABLE dossiers;--',
  '1 UNION SELECT token_hash FROM devices',
  "admin'--",
  // HTML / script / URL schemes
  XSS_IMG,
  XSS_SCRIPT,
  '<svg/onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
  '<iframe src="javascript:window.__pwned=1">',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${7*7}',
  // spreadsheet formulas (CSV/XLSX injection)
  "=CMD|' /C calc'!A0",
  '=HYPERLINK("http://evil/","x")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  // broken and confusing Unicode
  '\uD800',
  '\uDC00abc',
  'a\uD83D',
  '\uDFFF\uD800',
  '\u0000',
  'x\u0000y',
  '\u202Eevil\u202C.exe',
  '\u200B\uFEFF\u2060',
  'Nguyê\u0302\u0303n',
  '\u0301\u0301\u0301',
  '\r\nSet-Cookie: pwned=1',
  '\t\v\f\b',
  // names the code might treat specially
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  // paths and format strings
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%s%s%s%n',
  '%00',
  '%E0%A4%A',
  '',
  ' ',
];

/** Precomputed big strings (generating them per run would dominate the run time). */
export const BIG_STRINGS: readonly string[] = [
  'A'.repeat(16_385), // just over MAX_PAYLOAD_BYTES
  'é'.repeat(60_000), // 120 KB of UTF-8
  `${XSS_IMG}`.repeat(4_000),
  'N'.repeat(900_000), // a "1 MB name", still under maxHttpBufferSize with the frame around it
];

/** `{ a: { a: { … } } }` `depth` levels deep. */
export function deepObject(depth: number, key = 'a'): Record<string, unknown> {
  let cur: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i += 1) cur = { [key]: cur };
  return cur;
}

/** `[[[…]]]` `depth` levels deep. */
export function deepArray(depth: number): unknown[] {
  let cur: unknown[] = [];
  for (let i = 0; i < depth; i += 1) cur = [cur];
  return cur;
}

/**
 * Objects whose own keys are `__proto__` / `constructor` / `prototype`, as JSON.parse makes them
 * (an object literal would set the prototype instead of an own key).
 */
export const POLLUTION_PAYLOADS: readonly unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true,"role":"admin"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"fieldId":"cu-tru","idempotencyKey":"pollute-1","__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"counterId":"q1","idempotencyKey":"pollute-2","constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"prototype":{"polluted":"yes"},"__proto__":[1,2,3]}'),
  JSON.parse('{"settings":{"__proto__":{"printer":"tcp://10.0.0.66:9100","polluted":"yes"}},"kind":"kiosk","name":"x y"}'),
];

/** Keys added to a valid payload to see whether anything unknown slips through. */
export const EXTRA_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'role', 'admin', 'isAdmin', 'officerId', 'deviceId', '$where', ''];

/** True when nothing has been added to Object.prototype (in this process, which also runs the hub). */
export function prototypeIsClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    Object.getOwnPropertyNames(Object.prototype).every((k) => BUILTIN_PROTO_KEYS.has(k)) &&
    probe.polluted === undefined &&
    probe.isAdmin === undefined &&
    probe.role === undefined
  );
}

const BUILTIN_PROTO_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
