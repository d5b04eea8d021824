import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, type ErrorCode } from '@qms/core';

export const MAX_BODY_BYTES = 16 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BUSY: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  STORAGE_FULL: 507,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  sendJson(res, STATUS[code] ?? 500, { ok: false, error: { code, message } });
}

/** Reads a request body of at most `limit` bytes; more is refused with PAYLOAD_TOO_LARGE. */
export async function readBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new DomainError('PAYLOAD_TOO_LARGE', tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body of at most MAX_BODY_BYTES; rejects anything else with a DomainError. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new DomainError('VALIDATION_FAILED', 'Cần gửi JSON (application/json)');
  const body = await readBody(req, MAX_BODY_BYTES, `Dữ liệu vượt quá ${MAX_BODY_BYTES} byte`);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'JSON không hợp lệ');
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

/** Runs a handler, answering a DomainError with its code and anything else with INTERNAL. */
export async function withErrors(res: ServerResponse, onInternal: (e: unknown) => void, fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') return; // the client went away mid-request
    if (e instanceof DomainError) return sendError(res, e.code, e.message);
    if ((e as { code?: string } | null)?.code === 'SQLITE_FULL') {
      return sendError(res, 'STORAGE_FULL', 'Bộ nhớ của máy chủ đã đầy; thao tác chưa được thực hiện');
    }
    onInternal(e);
    if (!res.headersSent) sendError(res, 'INTERNAL', 'Lỗi máy chủ');
  }
}
