import type { ErrorCode } from '@qms/core';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Every command is answered with exactly one of these. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;

export function ok<T>(data: T): AckResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): AckResult<never> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
