import { ERROR_CODES } from '@qms/core';
import { expect } from 'vitest';

export type AnyAck = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } };

const CODES = new Set<string>(ERROR_CODES);

/** Fails the test unless `ack` is exactly one of the two documented shapes with a known error code. */
export function expectWellFormedAck(ack: unknown, context: string): asserts ack is AnyAck {
  expect(ack, context).toBeTypeOf('object');
  expect(ack, context).not.toBeNull();
  const a = ack as Record<string, unknown>;
  if (a.ok === true) {
    expect(Object.keys(a).sort(), context).toEqual(['data', 'ok']);
    return;
  }
  expect(a.ok, context).toBe(false);
  const e = a.error as Record<string, unknown> | undefined;
  expect(e, context).toBeTypeOf('object');
  expect(CODES.has(String(e?.code)), `${context}: unknown error code ${String(e?.code)}`).toBe(true);
  expect(e?.message, context).toBeTypeOf('string');
  expect(Object.keys(a).sort(), context).toEqual(['error', 'ok']);
}

export const codeOf = (ack: unknown): string | null => {
  const a = ack as AnyAck;
  return a.ok ? null : a.error.code;
};

/** A short, printable description of a payload for failure messages. */
export function describePayload(p: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(p) ?? String(p);
  } catch {
    text = String(p);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
