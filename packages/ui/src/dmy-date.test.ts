import { describe, expect, it } from 'vitest';
import { dmyFromIso, isoFromDmy, maskDmy } from './dmy-date';

describe('dd/mm/yyyy dates', () => {
  it('reads day first, always', () => {
    expect(isoFromDmy('07/12/2026')).toBe('2026-12-07');
    expect(isoFromDmy('7/1/2026')).toBe('2026-01-07');
    expect(isoFromDmy(' 29/02/2024 ')).toBe('2024-02-29');
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const bad of ['29/02/2026', '31/04/2026', '00/01/2026', '12/13/2026', '2026-12-07', '07/12/26', '07-12-2026', '', '07/12/1899']) {
      expect(isoFromDmy(bad), bad).toBeNull();
    }
  });

  it('writes ISO days back as dd/mm/yyyy', () => {
    expect(dmyFromIso('2026-12-07')).toBe('07/12/2026');
    expect(dmyFromIso('')).toBe('');
    expect(dmyFromIso('12/07/2026')).toBe('');
  });

  it('puts the slashes in while typing and keeps only digits', () => {
    expect(maskDmy('0')).toBe('0');
    expect(maskDmy('07')).toBe('07');
    expect(maskDmy('071')).toBe('07/1');
    expect(maskDmy('07122026')).toBe('07/12/2026');
    expect(maskDmy('071220261')).toBe('07/12/2026');
    expect(maskDmy('7/')).toBe('7/');
    expect(maskDmy('7/12/2026')).toBe('7/12/2026');
    expect(maskDmy('07/')).toBe('07/');
    expect(maskDmy('ab07x12y')).toBe('07/12');
    expect(maskDmy('07.12.2026')).toBe('07/12/2026');
  });
});
