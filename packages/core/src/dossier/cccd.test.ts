import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  CCCD_PROVINCE_CODES,
  cccdBirthCentury,
  cccdBirthYear,
  cccdGender,
  isValidCccd,
  parseCccdQr,
} from './cccd';

const ADDRESS = 'Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội';
const AN = `001090012345||Nguyễn Văn An|01011990|Nam|${ADDRESS}|15032021`;

/** The QR text with field `i` replaced. */
function withField(i: number, value: string, base = AN): string {
  const parts = base.split('|');
  parts[i] = value;
  return parts.join('|');
}

function failure(text: string): DomainError {
  try {
    parseCccdQr(text);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseCccdQr: real-shaped cards', () => {
  it('reads a man born 1990 in Hanoi, no old ID', () => {
    expect(parseCccdQr(AN)).toEqual({
      cccd: '001090012345',
      oldId: null,
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-01-01',
      gender: 'Nam',
      address: ADDRESS,
      issueDate: '2021-03-15',
    });
  });

  it('reads a woman born 2003 in Ho Chi Minh City with an old 9-digit ID', () => {
    const qr =
      '079303004567|025123456|Trần Thị Thu Hà|15082003|Nữ|12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20042021';
    expect(parseCccdQr(qr)).toEqual({
      cccd: '079303004567',
      oldId: '025123456',
      fullName: 'Trần Thị Thu Hà',
      birthDate: '2003-08-15',
      gender: 'Nữ',
      address: '12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      issueDate: '2021-04-20',
    });
  });

  it('ignores trailing fields of newer cards and accepts 29/02 of a leap year', () => {
    const qr = '038084000123||Lê Văn Đức|29021984|Nam|Thôn Đông, Xã Quảng Hòa, Quảng Xương, Thanh Hóa|10102022|Lê Văn Bình|Nguyễn Thị Cúc|';
    const d = parseCccdQr(qr);
    expect(d.birthDate).toBe('1984-02-29');
    expect(d.issueDate).toBe('2022-10-10');
    expect(d.address).toBe('Thôn Đông, Xã Quảng Hòa, Quảng Xương, Thanh Hóa');
  });

  it('reads a woman born 1959 with a 12-digit old ID', () => {
    const d = parseCccdQr('036159000088|036159000088|Phạm Thị Ngọc Ánh|05061959|Nữ|Nam Định|01072021');
    expect(d.oldId).toBe('036159000088');
    expect(d.gender).toBe('Nữ');
    expect(d.birthDate).toBe('1959-06-05');
  });

  it('NFC-normalises decomposed text and trims fields and spaces', () => {
    const decomposed = `  001090012345 | | Nguyễn   Văn  An |01011990| Nam |${ADDRESS}  |15032021\r\n`.normalize('NFD');
    const d = parseCccdQr(decomposed);
    expect(d.fullName).toBe('Nguyễn Văn An');
    expect(d.fullName).toBe(d.fullName.normalize('NFC'));
    expect(d.address).toBe(ADDRESS);
    expect(d.oldId).toBeNull();
  });

  it('accepts the gender in any case, written as Nam or Nữ', () => {
    expect(parseCccdQr(withField(4, 'NAM')).gender).toBe('Nam');
    const woman = '001190012345||Nguyễn Thị Bích|01011990|nữ|Hà Nội|15032021';
    expect(parseCccdQr(woman).gender).toBe('Nữ');
  });

  it('accepts a child born in 2021 with a card issued the same year', () => {
    expect(parseCccdQr('001221012345||Nguyễn Minh Khôi|01012021|Nam|Hà Nội|15032021').birthDate).toBe('2021-01-01');
  });
});

describe('parseCccdQr: malformed input', () => {
  it.each([
    ['empty', '', 'qr'],
    ['6 parts', `001090012345||Nguyễn Văn An|01011990|Nam|${ADDRESS}`, 'qr'],
    ['comma separated', AN.replaceAll('|', ','), 'qr'],
    ['11-digit ID', withField(0, '00109001234'), 'cccd'],
    ['13-digit ID', withField(0, '0010900123456'), 'cccd'],
    ['letters in the ID', withField(0, '00109001234A'), 'cccd'],
    ['province 099', withField(0, '099090012345'), 'cccd'],
    ['province 003 (not in use)', withField(0, '003090012345'), 'cccd'],
    ['old ID of 5 digits', withField(1, '12345'), 'oldId'],
    ['empty name', withField(2, '  '), 'fullName'],
    ['digits in the name', withField(2, 'Nguyễn Văn 4n'), 'fullName'],
    ['birth date 32/01', withField(3, '32011990'), 'birthDate'],
    ['birth date 29/02 of a common year', withField(3, '29021990'), 'birthDate'],
    ['birth date with 7 digits', withField(3, '1011990'), 'birthDate'],
    ['birth date as YYYY-MM-DD', withField(3, '1990-01-01'), 'birthDate'],
    ['gender Male', withField(4, 'Male'), 'gender'],
    ['gender empty', withField(4, ''), 'gender'],
    ['gender Nu without the accent', withField(4, 'Nu'), 'gender'],
    ['empty address', withField(5, ''), 'address'],
    ['issue date 31/02', withField(6, '31022021'), 'issueDate'],
    ['issue date 00/03', withField(6, '00032021'), 'issueDate'],
    ['issue month 13', withField(6, '15132021'), 'issueDate'],
    ['birth after issue', '001221012345||Nguyễn Minh Khôi|16032021|Nam|Hà Nội|15032021', 'issueDate'],
    ['birth year disagrees with the ID (91 vs 90)', withField(3, '01011991'), 'birthDate'],
    ['century disagrees with the ID (2 = 2000s)', withField(0, '001290012345'), 'birthDate'],
    ['gender disagrees with the ID (0 = male)', withField(4, 'Nữ'), 'gender'],
  ])('%s -> %s', (_name, text, field) => {
    const e = failure(text);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toMatchObject({ field });
    expect(e.message.length).toBeGreaterThan(0);
  });

  it('never repeats the ID number in the error', () => {
    const e = failure(withField(4, 'Male'));
    expect(e.message).not.toContain('001090012345');
    expect(JSON.stringify(e.details)).not.toContain('001090012345');
  });

  it('says how many parts it found', () => {
    expect(failure('001090012345|a|b').details).toMatchObject({ field: 'qr', parts: 3 });
  });
});

describe('CCCD number', () => {
  it('lists the 63 province codes, all different, all between 001 and 096', () => {
    expect(CCCD_PROVINCE_CODES).toHaveLength(63);
    expect(new Set(CCCD_PROVINCE_CODES).size).toBe(63);
    for (const c of CCCD_PROVINCE_CODES) expect(Number(c) >= 1 && Number(c) <= 96, c).toBe(true);
  });

  it.each(['001090012345', '079303004567', '096999999999', '001000000000'])('accepts %s', (id) => {
    expect(isValidCccd(id)).toBe(true);
  });

  it.each([
    '00109001234',
    '0010900123456',
    '00109001234A',
    '099090012345',
    '000090012345',
    '003090012345',
    ' 001090012345',
    '001 090 012 345',
    '００１０９００１２３４５',
    '',
  ])('rejects "%s"', (id) => {
    expect(isValidCccd(id)).toBe(false);
  });

  it.each([
    ['001090012345', 20, 1990, 'Nam'],
    ['001190012345', 20, 1990, 'Nữ'],
    ['001205012345', 21, 2005, 'Nam'],
    ['001305012345', 21, 2005, 'Nữ'],
    ['001400012345', 22, 2100, 'Nam'],
    ['001999012345', 24, 2399, 'Nữ'],
  ])('%s: century %i, born %i, %s', (id, century, year, gender) => {
    expect(cccdBirthCentury(id)).toBe(century);
    expect(cccdBirthYear(id)).toBe(year);
    expect(cccdGender(id)).toBe(gender);
  });

  it('the helpers throw INVALID_ARGUMENT for an invalid number', () => {
    for (const fn of [cccdBirthCentury, cccdBirthYear, cccdGender]) {
      expect(() => fn('12345')).toThrow(DomainError);
    }
  });
});
