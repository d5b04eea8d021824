/**
 * Whose personal data the admin asks for: a CCCD number, a dossier code (online dossiers carry
 * no CCCD), or a full name with a birth date. Sent in a POST body, never in the URL.
 */
export type PersonMode = 'cccd' | 'code' | 'name';

export interface PersonForm {
  mode: PersonMode;
  cccd: string;
  code: string;
  fullName: string;
  birthDate: string;
}

export type PersonBody = { cccd: string } | { code: string } | { fullName: string; birthDate: string };

const CCCD = /^\d{12}$/;
const CODE = /^[A-Za-z0-9.\-_/]{5,60}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Field -> message key of what is wrong (empty when the form can be sent). */
export function personErrors(f: PersonForm): Record<string, 'cccdBad' | 'codeBad' | 'nameBad' | 'birthBad'> {
  if (f.mode === 'cccd') return CCCD.test(f.cccd) ? {} : { cccd: 'cccdBad' };
  if (f.mode === 'code') return CODE.test(f.code.trim()) ? {} : { code: 'codeBad' };
  const errors: Record<string, 'nameBad' | 'birthBad'> = {};
  if (f.fullName.trim().length < 2) errors['fullName'] = 'nameBad';
  if (!DAY.test(f.birthDate)) errors['birthDate'] = 'birthBad';
  return errors;
}

export function personBody(f: PersonForm): PersonBody {
  if (f.mode === 'cccd') return { cccd: f.cccd };
  if (f.mode === 'code') return { code: f.code.trim() };
  return { fullName: f.fullName.normalize('NFC').trim(), birthDate: f.birthDate };
}

/** The value the admin types again to confirm an erasure. */
export function confirmValue(f: PersonForm): string {
  return f.mode === 'cccd' ? f.cccd : f.mode === 'code' ? f.code : f.fullName;
}

const comparable = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');

/** Whether the confirmation typed matches (names and codes: any case, extra spaces ignored). */
export function confirmed(f: PersonForm, typed: string): boolean {
  const expected = comparable(confirmValue(f));
  return expected !== '' && comparable(typed) === expected;
}

/** A file name for the export that does not carry the person's name. */
export function exportFileName(f: PersonForm, exportedAt: number): string {
  const id = f.mode === 'cccd' ? f.cccd : f.mode === 'code' ? f.code.trim().replace(/[^A-Za-z0-9.-]/g, '_') : String(exportedAt);
  return `du-lieu-ca-nhan-${id}.json`;
}
