import { z } from 'zod';
import type { TicketPrintData } from '../shared/bridge';

/** A ticket is a few hundred bytes; anything far past that is not a ticket. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().min(1).max(max);

const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), { message: 'must be an http(s) URL' });

/** The renderer is a web page: everything it sends is untrusted and checked field by field. */
export const ticketPrintDataSchema: z.ZodType<TicketPrintData> = z.strictObject({
  siteName: text(120),
  fieldName: text(120),
  number: text(16),
  issuedAt: z.int().min(Date.UTC(2020, 0, 1)).max(Date.UTC(2100, 0, 1)),
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'unknown time zone' }),
  peopleAhead: z.int().min(0).max(100_000),
  estimatedWaitMinutes: z.int().min(0).max(24 * 60).nullable(),
  counterNumbers: z.array(z.int().min(1).max(999)).max(50),
  statusUrl: httpUrl.nullable(),
  priorityLabel: text(60).nullable(),
  locale: z.enum(['vi', 'en']),
});

export type PayloadCheck = { ok: true; ticket: TicketPrintData } | { ok: false; message: string };

function approximateSize(payload: unknown): number | null {
  try {
    const json = JSON.stringify(payload);
    return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
  } catch {
    return null; // cycles or BigInt: not a ticket
  }
}

/** Size first (cheap, bounds the work), then the schema; the message names each bad field. */
export function checkPrintPayload(payload: unknown): PayloadCheck {
  const size = approximateSize(payload);
  if (size === null) return { ok: false, message: 'payload is not plain JSON data' };
  if (size > MAX_PAYLOAD_BYTES) return { ok: false, message: `payload too large: ${size} bytes (max ${MAX_PAYLOAD_BYTES})` };
  const parsed = ticketPrintDataSchema.safeParse(payload);
  if (parsed.success) return { ok: true, ticket: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return { ok: false, message: problems.join('; ') };
}
