/**
 * Dossier codes per the national standard: `<agency code>-<YYMMDD>-<XXXX>`,
 * e.g. `000.00.00.H26-261123-0001` — agency, receiving day, daily sequence.
 * Printed on the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) and used for look-up.
 */
import { DomainError } from '../errors';
import { isRealDate, isValidLocalDate } from './local-date';

/** Highest daily sequence a code can hold (4 digits). */
export const DOSSIER_SEQ_MAX = 9999;

const AGENCY = /^[A-Z0-9.]{3,30}$/;
const CODE = /^([A-Z0-9.]{3,30})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

/** `000.00.00.H26`, `H26.22.10`: 3–30 characters A–Z, 0–9 and dots. */
export function isValidAgencyCode(code: string): boolean {
  return AGENCY.test(code);
}

/** Throws VALIDATION_FAILED (field `agencyCode`) unless `isValidAgencyCode`. */
export function validateAgencyCode(code: string): void {
  if (!isValidAgencyCode(code)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Mã cơ quan không hợp lệ (3–30 ký tự gồm chữ in hoa A–Z, chữ số và dấu chấm, ví dụ 000.00.00.H26)',
      { field: 'agencyCode', value: code },
    );
  }
}

/**
 * `formatDossierCode('000.00.00.H26', '2026-11-23', 1)` -> `000.00.00.H26-261123-0001`.
 * Throws VALIDATION_FAILED for a bad agency code, INVALID_ARGUMENT for a bad day (years
 * 2000–2099 only: the code keeps two digits) or a sequence outside 1–9999.
 */
export function formatDossierCode(agencyCode: string, day: string, seq: number): string {
  validateAgencyCode(agencyCode);
  if (!isValidLocalDate(day) || !day.startsWith('20')) {
    throw new DomainError('INVALID_ARGUMENT', `Ngày không hợp lệ: “${day}” (cần dạng YYYY-MM-DD, năm 2000–2099)`, {
      day,
    });
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > DOSSIER_SEQ_MAX) {
    throw new DomainError('INVALID_ARGUMENT', `Số thứ tự hồ sơ trong ngày phải từ 1 đến ${DOSSIER_SEQ_MAX}`, {
      seq,
      max: DOSSIER_SEQ_MAX,
    });
  }
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agencyCode}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

/**
 * Reads a code typed or scanned in: surrounding spaces and lowercase are tolerated.
 * `null` unless it is a well-formed code with a real date (20YY) and a sequence 0001–9999.
 */
export function parseDossierCode(code: string): { agencyCode: string; day: string; seq: number } | null {
  const m = CODE.exec(code.trim().toUpperCase());
  if (m === null) return null;
  const [, agencyCode, yy, mm, dd, seqText] = m;
  if (agencyCode === undefined || yy === undefined || mm === undefined || dd === undefined || seqText === undefined) {
    return null;
  }
  const seq = Number(seqText);
  if (seq < 1 || !isRealDate(2000 + Number(yy), Number(mm), Number(dd))) return null;
  return { agencyCode, day: `20${yy}-${mm}-${dd}`, seq };
}
