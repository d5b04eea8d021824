/**
 * The chip ID card (căn cước công dân, CCCD): its 12-digit number and the QR code on it,
 * `ID|old ID|full name|DDMMYYYY birth|gender|address|DDMMYYYY issue` (old ID often empty;
 * newer cards append fields, which are ignored).
 *
 * Number layout: digits 1–3 province of birth registration, digit 4 gender and century of
 * birth (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s),
 * digits 5–6 the last two digits of the birth year, digits 7–12 random.
 *
 * Errors never repeat the personal data they complain about (they may end up in logs).
 */
import { DomainError } from '../errors';
import { isRealDate } from './local-date';

/** Province codes in use (the 63 provinces before the 2025 merger; still on every card issued). */
export const CCCD_PROVINCE_CODES: readonly string[] = [
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
];
const PROVINCES: ReadonlySet<string> = new Set(CCCD_PROVINCE_CODES);

export type CccdGender = 'Nam' | 'Nữ';

export interface CccdData {
  cccd: string;
  /** Old 9- or 12-digit ID (CMND), when the card lists one. */
  oldId: string | null;
  fullName: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  gender: CccdGender;
  address: string;
  /** `YYYY-MM-DD`. */
  issueDate: string;
}

/** Exactly 12 ASCII digits starting with a province code in use. */
export function isValidCccd(id: string): boolean {
  return /^\d{12}$/.test(id) && PROVINCES.has(id.slice(0, 3));
}

function assertCccd(id: string): void {
  if (!isValidCccd(id)) throw new DomainError('INVALID_ARGUMENT', 'Số CCCD không hợp lệ', { field: 'cccd' });
}

/** Century of birth from digit 4, as an ordinal: 20 (born 1900–1999), 21 (2000–2099), … 24. */
export function cccdBirthCentury(id: string): number {
  assertCccd(id);
  return 20 + Math.floor(Number(id[3]) / 2);
}

/** Full birth year from digits 4–6: `001090012345` -> 1990, `001205012345` -> 2005. */
export function cccdBirthYear(id: string): number {
  return (cccdBirthCentury(id) - 1) * 100 + Number(id.slice(4, 6));
}

/** Gender from digit 4: even = Nam, odd = Nữ. */
export function cccdGender(id: string): CccdGender {
  assertCccd(id);
  return Number(id[3]) % 2 === 0 ? 'Nam' : 'Nữ';
}

function fail(field: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new DomainError('VALIDATION_FAILED', message, { field, ...extra });
}

/** `DDMMYYYY` -> `YYYY-MM-DD`, or fails on `field`. */
function parseDdmmyyyy(value: string, field: string, label: string): string {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (m === null) fail(field, `${label} phải có dạng DDMMYYYY (8 chữ số)`);
  const [, dd = '', mm = '', yyyy = ''] = m;
  if (!isRealDate(Number(yyyy), Number(mm), Number(dd)) || Number(yyyy) < 1900) {
    fail(field, `${label} không phải là ngày có thật`);
  }
  return `${yyyy}-${mm}-${dd}`;
}

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;

/**
 * Reads the QR of a chip ID card. Input is NFC-normalised and each field trimmed (runs
 * of spaces in name and address collapsed). Throws VALIDATION_FAILED with
 * `details.field` one of `qr` (fewer than 7 fields), `cccd`, `oldId`, `fullName`,
 * `birthDate` (also: year disagrees with digits 4–6 of the ID), `gender` (not Nam/Nữ,
 * or disagrees with digit 4), `address`, `issueDate` (also: before the birth date).
 */
export function parseCccdQr(text: string): CccdData {
  const parts = text.normalize('NFC').trim().split('|').map((p) => p.trim());
  if (parts.length < 7) {
    fail('qr', `Mã QR căn cước phải có ít nhất 7 trường cách nhau bởi “|”, đọc được ${parts.length}`, {
      parts: parts.length,
    });
  }
  const [cccd = '', oldIdText = '', nameText = '', birthText = '', genderText = '', addressText = '', issueText = ''] =
    parts;

  if (!/^\d{12}$/.test(cccd)) fail('cccd', 'Số CCCD phải gồm đúng 12 chữ số');
  if (!PROVINCES.has(cccd.slice(0, 3))) fail('cccd', 'Ba chữ số đầu của số CCCD không phải mã tỉnh/thành phố hợp lệ');
  if (oldIdText !== '' && !/^(\d{9}|\d{12})$/.test(oldIdText)) fail('oldId', 'Số CMND cũ phải gồm 9 hoặc 12 chữ số');

  const fullName = nameText.replace(/\s+/g, ' ');
  if (fullName === '') fail('fullName', 'Thiếu họ và tên');
  if (fullName.length > 100 || !NAME.test(fullName)) fail('fullName', 'Họ và tên chỉ được gồm chữ cái và khoảng trắng');

  const birthDate = parseDdmmyyyy(birthText, 'birthDate', 'Ngày sinh');

  const genderLower = genderText.toLowerCase();
  const gender: CccdGender | null = genderLower === 'nam' ? 'Nam' : genderLower === 'nữ' ? 'Nữ' : null;
  if (gender === null) fail('gender', 'Giới tính phải là “Nam” hoặc “Nữ”');

  const address = addressText.replace(/\s+/g, ' ');
  if (address === '') fail('address', 'Thiếu nơi thường trú');

  const issueDate = parseDdmmyyyy(issueText, 'issueDate', 'Ngày cấp');
  if (issueDate < birthDate) fail('issueDate', 'Ngày cấp không thể trước ngày sinh');

  if (Number(birthDate.slice(0, 4)) !== cccdBirthYear(cccd)) {
    fail('birthDate', 'Năm sinh không khớp với số CCCD (chữ số thứ 4–6 ghi thế kỷ và năm sinh)');
  }
  if (gender !== cccdGender(cccd)) fail('gender', 'Giới tính không khớp với số CCCD (chữ số thứ 4)');

  return { cccd, oldId: oldIdText === '' ? null : oldIdText, fullName, birthDate, gender, address, issueDate };
}
