import { z } from 'zod';
import type { PrinterConfig } from './types';

export const DEFAULT_TCP_PORT = 9100;

const TCP_INTERFACE = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;
/** CUPS queue names: printable, no spaces, no "/", "#" or "?" (lpadmin refuses them). */
const CUPS_INTERFACE = /^printer:([^\s/\\#?]{1,127})$/;

export type PrinterAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'cups'; name: string };

/** Splits an interface string; `null` when it is neither `tcp://host[:port]` nor `printer:NAME`. */
export function parseInterface(value: string): PrinterAddress | null {
  const tcp = TCP_INTERFACE.exec(value);
  if (tcp) {
    const port = tcp[2] === undefined ? DEFAULT_TCP_PORT : Number(tcp[2]);
    if (port < 1 || port > 65_535) return null;
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  const cups = CUPS_INTERFACE.exec(value);
  return cups ? { kind: 'cups', name: cups[1] ?? '' } : null;
}

/** The canonical form of an interface: the TCP port is always written out. */
function normaliseInterface(value: string): string {
  const address = parseInterface(value);
  if (address?.kind !== 'tcp') return value;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `tcp://${host}:${address.port}`;
}

export const printerConfigSchema = z.strictObject({
  interface: z
    .string()
    .trim()
    .refine((s) => parseInterface(s) !== null, {
      message: 'must look like "tcp://192.168.1.50:9100" or "printer:NAME" (a CUPS queue)',
    })
    .transform(normaliseInterface),
  type: z.enum(['epson', 'star']).default('epson'),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  timeoutMs: z.int().min(100).max(60_000).default(3000),
});

// The schema's output and the exported interface must not drift apart.
const sameShape: PrinterConfig = {} as z.output<typeof printerConfigSchema>;
void sameShape;

/** A printer configuration that cannot be used. `details` are English, one per problem. */
export class PrinterConfigError extends Error {
  readonly details: string[];

  constructor(details: string[]) {
    super(`Cấu hình máy in không hợp lệ (invalid printer config: ${details.join('; ')})`);
    this.name = 'PrinterConfigError';
    this.details = details;
  }
}

export function parsePrinterConfig(value: unknown): PrinterConfig {
  const result = printerConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new PrinterConfigError(
    result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'config'}: ${issue.message}`),
  );
}

const URL_PARAMS: Readonly<Record<string, (v: string) => [keyof PrinterConfig, unknown]>> = {
  paper: (v) => ['paperWidth', Number(v)],
  type: (v) => ['type', v],
  timeout: (v) => ['timeoutMs', Number(v)],
};

/**
 * A config from one string, as in env `QMS_PRINTER`: `tcp://127.0.0.1:9100`, or with options
 * `tcp://10.0.0.5:9100?paper=58&type=star&timeout=5000`, or `printer:TM_T82`.
 */
export function printerFromUrl(url: string): PrinterConfig {
  const trimmed = url.trim();
  const q = trimmed.indexOf('?');
  const config: Record<string, unknown> = { interface: q < 0 ? trimmed : trimmed.slice(0, q) };
  const unknown: string[] = [];
  for (const [key, value] of new URLSearchParams(q < 0 ? '' : trimmed.slice(q + 1))) {
    const apply = URL_PARAMS[key];
    if (!apply) unknown.push(`unknown option "${key}" (use paper, type or timeout)`);
    else {
      const [field, parsed] = apply(value);
      config[field] = parsed;
    }
  }
  if (unknown.length > 0) throw new PrinterConfigError(unknown);
  return parsePrinterConfig(config);
}
