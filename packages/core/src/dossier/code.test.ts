import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { formatDossierCode, isValidAgencyCode, parseDossierCode, validateAgencyCode } from './code';

function error(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

const AGENCY = '000.00.00.H26';

describe('formatDossierCode', () => {
  it('is agency-YYMMDD-XXXX', () => {
    expect(formatDossierCode(AGENCY, '2026-11-23', 1)).toBe('000.00.00.H26-261123-0001');
    expect(formatDossierCode('H26.22.10', '2027-01-05', 42)).toBe('H26.22.10-270105-0042');
    expect(formatDossierCode(AGENCY, '2000-02-29', 9999)).toBe('000.00.00.H26-000229-9999');
  });

  it('numbers a day in order, and the codes sort in that order', () => {
    const codes = [1, 2, 9, 10, 99, 100, 1000].map((seq) => formatDossierCode(AGENCY, '2026-11-23', seq));
    expect(codes.slice(0, 4)).toEqual([
      '000.00.00.H26-261123-0001',
      '000.00.00.H26-261123-0002',
      '000.00.00.H26-261123-0009',
      '000.00.00.H26-261123-0010',
    ]);
    expect([...codes].sort()).toEqual(codes);
  });

  it('throws past 9999 and for sequences that are not 1, 2, 3 …', () => {
    for (const seq of [10_000, 0, -1, 1.5, Number.NaN]) {
      const e = error(() => formatDossierCode(AGENCY, '2026-11-23', seq));
      expect(e.code, String(seq)).toBe('INVALID_ARGUMENT');
    }
    expect(error(() => formatDossierCode(AGENCY, '2026-11-23', 10_000)).details).toMatchObject({ max: 9999 });
  });

  it('throws for a bad day', () => {
    for (const day of ['2026-11-31', '26-11-23', '1999-12-31', '2100-01-01', '']) {
      expect(error(() => formatDossierCode(AGENCY, day, 1)).code, day).toBe('INVALID_ARGUMENT');
    }
  });

  it('throws for a bad agency code', () => {
    const e = error(() => formatDossierCode('h26', '2026-11-23', 1));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details).toMatchObject({ field: 'agencyCode' });
  });
});

describe('agency codes', () => {
  it.each(['000.00.00.H26', 'H26.22.10', 'H26', '000.00.00.G12', 'A'.repeat(30)])('accepts %s', (c) => {
    expect(isValidAgencyCode(c)).toBe(true);
    expect(() => validateAgencyCode(c)).not.toThrow();
  });

  it.each(['', 'H2', 'h26.22.10', 'H26-22', 'H26 22', 'A'.repeat(31), 'Đ26'])('rejects "%s"', (c) => {
    expect(isValidAgencyCode(c)).toBe(false);
    expect(error(() => validateAgencyCode(c)).code).toBe('VALIDATION_FAILED');
  });
});

describe('parseDossierCode', () => {
  it('reads back what formatDossierCode writes', () => {
    for (const [agency, day, seq] of [
      [AGENCY, '2026-11-23', 1],
      ['H26.22.10', '2028-02-29', 9999],
      ['G01', '2030-12-31', 250],
    ] as const) {
      expect(parseDossierCode(formatDossierCode(agency, day, seq))).toEqual({ agencyCode: agency, day, seq });
    }
  });

  it('tolerates surrounding spaces and lowercase', () => {
    expect(parseDossierCode('  000.00.00.h26-261123-0007 \n')).toEqual({
      agencyCode: '000.00.00.H26',
      day: '2026-11-23',
      seq: 7,
    });
  });

  it.each([
    '',
    'abc',
    '000.00.00.H26',
    '000.00.00.H26-261123',
    '000.00.00.H26-261123-001',
    '000.00.00.H26-261123-00001',
    '000.00.00.H26-261123-0000',
    '000.00.00.H26-261323-0001',
    '000.00.00.H26-260230-0001',
    '000.00.00.H26-270229-0001',
    '-261123-0001',
    'H2-261123-0001',
    'H26-22-261123-0001',
    '000.00.00.H26 261123 0001',
    '000.00.00.H26-261123-0001x',
  ])('null for "%s"', (c) => {
    expect(parseDossierCode(c)).toBeNull();
  });
});
