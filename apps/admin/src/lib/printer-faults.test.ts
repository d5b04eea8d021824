import { describe, expect, it } from 'vitest';
import { faultKindLabel, faultReason } from './printer-faults';

describe('printer fault wording', () => {
  it('names every kind in Vietnamese; a code a kiosk made up is a printer fault', () => {
    expect(['offline', 'paper_out', 'cover_open', 'timeout', 'error'].map((k) => faultKindLabel(k, 'vi'))).toEqual([
      'Mất kết nối', 'Hết giấy', 'Mở nắp', 'Không phản hồi', 'Lỗi máy in',
    ]);
    expect(faultKindLabel('jammed', 'vi')).toBe('Lỗi máy in');
    expect(faultKindLabel('paper_out', 'en')).toBe('Paper out');
  });

  it('keeps the technical detail apart, and a reason only when it says more than the kind', () => {
    expect(faultReason('offline', 'Máy in không kết nối được (127.0.0.1:9100: connect ECONNREFUSED 127.0.0.1:9100)')).toEqual({
      reason: null,
      detail: '127.0.0.1:9100: connect ECONNREFUSED 127.0.0.1:9100',
    });
    expect(faultReason('error', 'Ki-ốt chưa được cấu hình máy in')).toEqual({ reason: 'Ki-ốt chưa được cấu hình máy in', detail: null });
    expect(faultReason('error', 'Cấu hình máy in của kiosk không hợp lệ (Invalid input)')).toEqual({
      reason: 'Cấu hình máy in của kiosk không hợp lệ',
      detail: 'Invalid input',
    });
    expect(faultReason('paper_out', '')).toEqual({ reason: null, detail: null });
  });
});
