import { describe, expect, it } from 'vitest';
import { mapHeader } from './columns';

describe('mapHeader', () => {
  it('finds Vietnamese headings in any order and ignores unknown columns', () => {
    const { columns, missing } = mapHeader(['STT', 'Trạng thái', 'Mã hồ sơ', 'Ngày hẹn trả', 'Thủ tục', 'Ghi chú', 'Ngày tiếp nhận']);
    expect(missing).toEqual([]);
    expect(columns).toEqual({
      status: { index: 1, header: 'Trạng thái' },
      code: { index: 2, header: 'Mã hồ sơ' },
      dueDate: { index: 3, header: 'Ngày hẹn trả' },
      procedureRef: { index: 4, header: 'Thủ tục' },
      receivedAt: { index: 6, header: 'Ngày tiếp nhận' },
    });
  });

  it('ignores case, diacritics, punctuation and camelCase; keeps the heading as written for messages', () => {
    const { columns, missing } = mapHeader(['MA HO SO', 'thủ tục (*)', ' Ngày  Nộp ', 'dueDate', 'STATUS', 'Ngày giải quyết:', 'returned_at', 'Người nộp']);
    expect(missing).toEqual([]);
    expect(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v.index]))).toEqual({
      code: 0, procedureRef: 1, receivedAt: 2, dueDate: 3, status: 4, resolvedAt: 5, returnedAt: 6, applicantName: 7, submittedAt: 2,
    });
    expect(columns.receivedAt?.header).toBe('Ngày Nộp');
  });

  it('prefers “Ngày tiếp nhận” over “Ngày nộp” wherever they stand; otherwise the leftmost of two equal headings', () => {
    expect(mapHeader(['Ngày nộp', 'Ngày tiếp nhận']).columns.receivedAt).toEqual({ index: 1, header: 'Ngày tiếp nhận' });
    expect(mapHeader(['Mã hồ sơ', 'Mã hồ sơ']).columns.code?.index).toBe(0);
  });

  it('finds the channel under the headings one-stop systems use', () => {
    for (const heading of ['Hình thức nộp', 'Kênh tiếp nhận', 'Hình thức tiếp nhận', 'HINH_THUC_NOP', 'Kênh nộp hồ sơ', 'Channel']) {
      expect(mapHeader(['Mã hồ sơ', heading]).columns.channel).toEqual({ index: 1, header: heading });
    }
  });

  it('lists the required columns that are missing, in column order', () => {
    expect(mapHeader(['Mã hồ sơ', 'Hạn', 'Chủ hồ sơ']).missing).toEqual(['procedureRef', 'receivedAt', 'dueDate', 'status']);
    expect(mapHeader([]).missing).toEqual(['code', 'procedureRef', 'receivedAt', 'dueDate', 'status']);
  });
});
