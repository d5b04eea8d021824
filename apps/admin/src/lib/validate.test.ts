import { counterSaveInput, fieldSaveInput, officerSaveInput, reportInput, siteUpdateInput } from '@qms/protocol';
import { translator } from '@qms/ui';
import { describe, expect, it } from 'vitest';
import { COMMON_MESSAGES } from '../i18n/common';
import { check, errorAt, toInt } from './validate';

const t = translator(COMMON_MESSAGES, 'vi');
const field = {
  code: 'chung-thuc', nameVi: 'Chứng thực', nameEn: 'Certification', hintVi: '', hintEn: '', icon: 'stamp',
  numberFormat: { style: 'numeric' as const, prefix: '', rangeStart: 2001, rangeEnd: 2999, pad: 3 },
  sortOrder: 2, enabled: true, defaultServiceMinutes: 5,
};

describe('check (the protocol schemas, messages for the form)', () => {
  it('passes a valid field and returns the parsed input', () => {
    const r = check(fieldSaveInput, { ...field, nameVi: '  Chứng thực ' }, t, 'vi');
    expect(r.ok && r.data.nameVi).toBe('Chứng thực');
  });

  it('reports each bad entry at its path, in Vietnamese', () => {
    const r = check(fieldSaveInput, { ...field, code: 'Chứng Thực', nameVi: 'C', numberFormat: { ...field.numberFormat, pad: 9 }, defaultServiceMinutes: toInt('') }, t, 'vi');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['code']).toBe('mã lĩnh vực: chữ thường, số, gạch nối');
    expect(r.errors['nameVi']).toBe('Ít nhất 2 ký tự');
    expect(r.errors['numberFormat.pad']).toBe('Không lớn hơn 6');
    expect(r.errors['defaultServiceMinutes']).toBe('Cần nhập một số nguyên');
    expect(errorAt(r.errors, 'numberFormat')).toBe('Không lớn hơn 6');
  });

  it('covers lists, enums, optional passwords and the extra checks', () => {
    const c = check(counterSaveInput, { number: 0, name: '', kind: 'x', fieldIds: [], enabled: true }, t, 'vi', { number: 'taken' });
    expect(!c.ok && c.errors).toMatchObject({ number: 'Không nhỏ hơn 1', name: 'Bắt buộc', kind: 'Giá trị không hợp lệ', fieldIds: 'Chọn ít nhất 1' });
    const o = check(officerSaveInput, { username: 'ab', fullName: 'Ngô Yến', role: 'officer', enabled: true, password: 'short' }, t, 'vi');
    expect(!o.ok && o.errors).toMatchObject({ username: 'tên đăng nhập: chữ thường, số, . _ -', password: 'Ít nhất 8 ký tự' });
    const s = check(siteUpdateInput, {
      name: 'Phường', agencyCode: '000.00.00.H26', openingHours: [{ weekday: 1, open: '7:30', close: '11:30' }],
      priority: { enabledGroups: ['elderly'], maxConsecutivePriority: 11 }, pickupFieldId: null,
    }, t, 'vi');
    expect(!s.ok && s.errors).toMatchObject({ 'openingHours.0.open': 'giờ dạng HH:MM', 'priority.maxConsecutivePriority': 'Không lớn hơn 10' });
  });

  it('a refinement without a path lands on _form; English shows generic texts', () => {
    const r = check(reportInput, { from: '2026-02-01', to: '2026-01-01', groupBy: 'all' }, translator(COMMON_MESSAGES, 'en'), 'en');
    expect(!r.ok && r.errors['_form']).toBe('Wrong format');
  });

  it('toInt accepts only whole numbers', () => {
    expect([toInt('12'), toInt(' 7 '), toInt('-3')]).toEqual([12, 7, -3]);
    expect([toInt(''), toInt('1.5'), toInt('1e3'), toInt('abc')].every(Number.isNaN)).toBe(true);
  });
});
