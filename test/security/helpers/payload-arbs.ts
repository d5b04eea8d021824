import fc from 'fast-check';
import { BIG_STRINGS, EXTRA_KEYS, HOSTILE_STRINGS, POLLUTION_PAYLOADS, deepArray, deepObject } from './hostile';

/** What one fuzz run sends: the payload and, sometimes, extra positional arguments before the ack. */
export interface FuzzCall {
  payload: unknown;
  extra: unknown[];
  /** How the payload was made, for failure messages. */
  how: string;
}

/**
 * A counterexample fast-check can print: its own (recursive) printer would overflow the stack on
 * the deep payloads and hide the real failure behind a RangeError.
 */
function printable(call: FuzzCall): FuzzCall {
  Object.defineProperty(call, fc.toStringMethod, {
    enumerable: false,
    value: () => {
      let text: string;
      try {
        text = JSON.stringify(call.payload) ?? 'undefined';
      } catch {
        text = '<unprintable>';
      }
      return `FuzzCall(${call.how}; ${text.length > 400 ? `${text.slice(0, 400)}… ${text.length} chars` : text}; ${call.extra.length} extra args)`;
    },
  });
  return call;
}

/**
 * 1,000+ levels deep: as deep as socket.io-client's own (recursive) encoder reliably goes inside a
 * test's call stack. Deeper payloads are sent by hand in deep-nesting.test.ts.
 */
const labelled = <T extends object>(value: T, label: string): T =>
  Object.defineProperty(value, fc.toStringMethod, { enumerable: false, value: () => label });
const DEEP_OBJECT = labelled(deepObject(1_200), '<object 1,200 deep>');
const DEEP_ARRAY = labelled(deepArray(1_200), '<array 1,200 deep>');
const DEEP_MIXED = labelled(
  (() => {
    let cur: object = { x: '<b>' };
    for (let i = 0; i < 1_000; i += 1) cur = i % 2 === 0 ? [cur, 'a'] : { k: cur, n: i };
    return cur;
  })(),
  '<arrays and objects 1,000 deep>',
);

/** Mostly the cheaper big strings; the 900 KB one now and then (it costs a few ms per run). */
const bigString = fc.oneof(
  { arbitrary: fc.constantFrom(...BIG_STRINGS.filter((b) => b.length < 500_000)), weight: 6 },
  { arbitrary: fc.constantFrom(...BIG_STRINGS.filter((b) => b.length >= 500_000)), weight: 1 },
);

const weirdNumbers = fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 0.1 + 0.2, -1, 1e-320);

/** Any single value a hostile client might put where the schema wants something else. */
export function valueArb(pool: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
    { arbitrary: fc.constantFrom(...pool), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 130 }), weight: 2 },
    { arbitrary: bigString, weight: 1 },
    { arbitrary: fc.oneof(fc.integer(), weirdNumbers, fc.boolean(), fc.constant(null), fc.constant(undefined)), weight: 3 },
    { arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true, withSparseArray: true }), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>(DEEP_OBJECT, DEEP_ARRAY, DEEP_MIXED), weight: 1 },
    { arbitrary: fc.constantFrom(...POLLUTION_PAYLOADS), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)), weight: 1 },
  );
}

type Path = Array<string | number>;

/** Every key path of a plain sample (objects and arrays, a few levels down). */
function pathsOf(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 3 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  const out: Path[] = [];
  for (const [k, v] of Object.entries(value)) {
    const key = Array.isArray(value) ? Number(k) : k;
    out.push([...prefix, key], ...pathsOf(v, [...prefix, key], depth + 1));
  }
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> | null {
  let cur: unknown = root;
  for (const p of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>) : null;
}

type Mutation = { kind: 'set'; at: number; value: unknown } | { kind: 'add'; key: string; value: unknown } | { kind: 'delete'; at: number };

function mutationArb(pool: readonly string[]): fc.Arbitrary<Mutation> {
  const value = valueArb(pool);
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value }), weight: 6 },
    {
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 12 })),
        value,
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
  );
}

/** A private copy, so later mutations never change the shared constants (deep objects, pollution payloads). */
function own(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

function applyMutation(root: Record<string, unknown>, m: Mutation): string {
  if (m.kind === 'add') {
    // an own key even for "__proto__", as JSON.parse would make it
    Object.defineProperty(root, m.key, { value: own(m.value), enumerable: true, writable: true, configurable: true });
    return `add ${JSON.stringify(m.key)}`;
  }
  const paths = pathsOf(root);
  if (paths.length === 0) return 'noop';
  const path = paths[m.at % paths.length] ?? [];
  const parent = containerAt(root, path);
  const last = path[path.length - 1];
  if (!parent || last === undefined || ArrayBuffer.isView(parent)) return 'noop';
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return `delete ${path.join('.')}`;
  }
  parent[last] = own(m.value);
  return `set ${path.join('.')}`;
}

/**
 * Payloads for one command: mostly its valid sample with one to three mutations (so the fuzz
 * gets past the schema into the handlers), plus wholly arbitrary values, hostile scalars,
 * deep nesting, prototype-pollution objects, and extra positional arguments.
 */
export function fuzzCallArb(sample: () => Record<string, unknown>, pool: readonly string[]): fc.Arbitrary<FuzzCall> {
  const mutated = fc.array(mutationArb(pool), { minLength: 1, maxLength: 3 }).map((ms): FuzzCall => {
    const root = clone(sample());
    const how = ms.map((m) => applyMutation(root, m)).join(', ');
    return { payload: root, extra: [], how: `mutated: ${how}` };
  });
  return fc.oneof(
    { arbitrary: mutated, weight: 10 },
    {
      arbitrary: fc
        .anything({ maxDepth: 4, maxKeys: 6, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true, withMap: true, withSet: true, stringUnit: 'binary' })
        .map((payload): FuzzCall => ({ payload, extra: [], how: 'anything' })),
      weight: 3,
    },
    { arbitrary: valueArb(pool).map((payload): FuzzCall => ({ payload, extra: [], how: 'scalar' })), weight: 2 },
    { arbitrary: fc.constantFrom(...POLLUTION_PAYLOADS).map((payload): FuzzCall => ({ payload, extra: [], how: 'pollution' })), weight: 1 },
    {
      arbitrary: fc.constantFrom<unknown>(DEEP_OBJECT, DEEP_ARRAY, DEEP_MIXED).map((payload): FuzzCall => ({ payload, extra: [], how: 'deep' })),
      weight: 1,
    },
    {
      arbitrary: fc
        .array(valueArb(pool), { minLength: 1, maxLength: 3 })
        .map((extra): FuzzCall => ({ payload: sample(), extra, how: 'valid + extra args' })),
      weight: 1,
    },
    { arbitrary: fc.constant(null).map((): FuzzCall => ({ payload: sample(), extra: [], how: 'valid' })), weight: 1 },
  ).map(printable);
}

/** The payload as the hub will see it after JSON (undefined and NaN become null; an absent payload is `{}`). */
export function wireForm(call: FuzzCall): { value: unknown; bytes: number; binary: boolean } {
  const binary = hasBinary(call.payload) || call.extra.some(hasBinary);
  const text = call.payload === undefined ? 'null' : JSON.stringify(call.payload) ?? 'null';
  const value = JSON.parse(text) as unknown;
  return { value, bytes: Buffer.byteLength(JSON.stringify(value)), binary };
}

/** Rough size of the whole frame, to stay under the transport's 1 MB (which would close the socket). */
export function frameBytes(call: FuzzCall): number {
  const size = (v: unknown): number => (v === undefined ? 4 : Buffer.byteLength(JSON.stringify(v, (_k, x: unknown) => (ArrayBuffer.isView(x) ? x.byteLength : x)) ?? ''));
  return size(call.payload) + call.extra.reduce<number>((n, e) => n + size(e), 0) + 200;
}

function hasBinary(v: unknown, depth = 0): boolean {
  if (depth > 5000 || v === null || typeof v !== 'object') return false;
  if (Buffer.isBuffer(v) || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return true;
  if (Array.isArray(v)) return v.some((x) => hasBinary(x, depth + 1));
  if (v instanceof Map || v instanceof Set) return false;
  return Object.values(v).some((x) => hasBinary(x, depth + 1));
}
