import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** Printer interface strings node-thermal-printer understands: a network printer or a named OS printer. */
const PRINTER_INTERFACE = /^(tcp:\/\/[A-Za-z0-9.\-[\]:]+:\d{1,5}|printer:.+)$/;

const httpUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
    message: 'must be an http:// or https:// URL',
  })
  .transform((s) => s.replace(/\/+$/, ''));

export const printerConfigSchema = z.strictObject({
  interface: z.string().regex(PRINTER_INTERFACE, {
    message: 'must look like "tcp://192.168.1.50:9100" or "printer:NAME"',
  }),
  type: z.enum(['epson', 'star']).default('epson'),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  timeoutMs: z.int().min(500).max(60_000).default(3000),
});

export const kioskConfigSchema = z.strictObject({
  hubUrl: httpUrl,
  token: z.string().min(16, { message: 'device token must be at least 16 characters' }),
  printer: printerConfigSchema,
  language: z.enum(['vi', 'en']).default('vi'),
  production: z.boolean().default(true),
  idleSeconds: z.int().min(10).max(3600).default(60),
});

export type KioskConfig = z.infer<typeof kioskConfigSchema>;

/** Why the config could not be used: a Vietnamese headline for the screen, English details for the technician. */
export interface ConfigError {
  kind: 'missing' | 'unreadable' | 'bad-json' | 'invalid';
  path: string;
  /** Vietnamese, for whoever stands in front of the kiosk. */
  title: string;
  /** English, one line per problem (bad fields are named by their path, e.g. "printer.paperWidth"). */
  details: string[];
}

export type ConfigResult = { ok: true; config: KioskConfig; path: string } | { ok: false; error: ConfigError };

export interface ConfigLocation {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir: string;
  /** Directory relative paths are resolved against (the process cwd in production). */
  cwd: string;
}

/** `--config <path>` or `--config=<path>` from argv, else `QMS_KIOSK_CONFIG`, else `<userData>/kiosk.json`. */
export function resolveConfigPath(loc: ConfigLocation): string {
  const fromArgs = configArg(loc.argv);
  const chosen = fromArgs ?? nonEmpty(loc.env['QMS_KIOSK_CONFIG']);
  if (chosen === undefined) return join(loc.userDataDir, 'kiosk.json');
  return isAbsolute(chosen) ? chosen : resolve(loc.cwd, chosen);
}

function configArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--config') return nonEmpty(argv[i + 1]);
    if (arg.startsWith('--config=')) return nonEmpty(arg.slice('--config='.length));
  }
  return undefined;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

export type ReadText = (path: string) => string;

const readUtf8: ReadText = (path) => readFileSync(path, 'utf8');

/** Reads and validates the config file. Never throws: every failure becomes a `ConfigError`. */
export function loadConfig(path: string, readText: ReadText = readUtf8): ConfigResult {
  let text: string;
  try {
    text = readText(path);
  } catch (err) {
    return { ok: false, error: readFailure(path, err) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      error: { kind: 'bad-json', path, title: 'Tệp cấu hình không phải JSON hợp lệ', details: [`Invalid JSON: ${detail}`] },
    };
  }
  return parseConfig(json, path);
}

/** Validates an already parsed config object. */
export function parseConfig(json: unknown, path: string): ConfigResult {
  const parsed = kioskConfigSchema.safeParse(json);
  if (parsed.success) return { ok: true, config: parsed.data, path };
  const details = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
  return { ok: false, error: { kind: 'invalid', path, title: 'Cấu hình ki-ốt có trường không hợp lệ', details } };
}

function readFailure(path: string, err: unknown): ConfigError {
  const code = (err as { code?: unknown } | null)?.code;
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT') {
    return {
      kind: 'missing',
      path,
      title: 'Không tìm thấy tệp cấu hình ki-ốt',
      details: [`Config file not found: ${path}`, 'Pass --config <path> or set QMS_KIOSK_CONFIG.'],
    };
  }
  return { kind: 'unreadable', path, title: 'Không đọc được tệp cấu hình ki-ốt', details: [`Cannot read ${path}: ${detail}`] };
}
