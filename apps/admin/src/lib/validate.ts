import type { Translate } from '@qms/ui';
import type { CommonKey } from '../i18n/common';

/** The parts of a zod issue the forms read (kept structural: the app does not depend on zod itself). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } };
}

/** Messages by path (`name`, `numberFormat.prefix`, `openingHours.2.open`); `_form` for the whole form. */
export type FormErrors = Record<string, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/** A zod default message ("Invalid string: …", "Too small: …") rather than one the schema wrote. */
function isDefaultMessage(m: string): boolean {
  return /^(Invalid|Too (small|big)|Expected|Unrecognized)/.test(m);
}

export function issueText(t: Translate<CommonKey>, issue: SchemaIssue, useSchemaText: boolean): string {
  const n = Number(issue.minimum ?? issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return n <= 1 ? t('vRequired') : t('vMinChars', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t('vMinItems', { n });
      return t('vMin', { n });
    case 'too_big':
      if (issue.origin === 'string') return t('vMaxChars', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t('vMaxItems', { n });
      return t('vMax', { n });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('vNumber') : t('vRequired');
    case 'invalid_value':
      return t('vChoice');
    default:
      return useSchemaText && !isDefaultMessage(issue.message) ? issue.message : t('vFormat');
  }
}

/**
 * Checks a command's input with the protocol's own schema (the very limits the hub applies), so a
 * form never sends what the hub would refuse; `extra` adds checks the schema cannot express.
 */
export function check<T>(
  schema: Schema<T>,
  value: unknown,
  t: Translate<CommonKey>,
  locale: 'vi' | 'en',
  extra: FormErrors = {},
): Checked<T> {
  const r = schema.safeParse(value);
  const errors: FormErrors = {};
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = issue.path.map(String).join('.') || '_form';
      if (!(key in errors)) errors[key] = issueText(t, issue, locale === 'vi');
    }
  }
  for (const [k, v] of Object.entries(extra)) if (!(k in errors)) errors[k] = v;
  if (Object.keys(errors).length > 0 || !r.success) return { ok: false, errors };
  return { ok: true, data: r.data };
}

/** The first message at `key` or below it (`numberFormat` finds `numberFormat.prefix`). */
export function errorAt(errors: FormErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const prefix = `${key}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) return v;
  return undefined;
}

/** A number typed in a text box: NaN when empty or not a number (the schema then says so). */
export function toInt(text: string): number {
  const s = text.trim();
  if (s === '' || !/^-?\d+$/.test(s)) return Number.NaN;
  return Number(s);
}
