import { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, type DossierStatus } from '@qms/core';
import { describe, expect, it } from 'vitest';
import { parseStatus } from './status';
import type { ImportStatus } from './types';

describe('parseStatus', () => {
  it('reads the statuses as the core labels them, in Vietnamese and English', () => {
    for (const s of DOSSIER_STATUSES) {
      expect(parseStatus(DOSSIER_STATUS_LABELS.vi[s])).toBe(s);
      expect(parseStatus(DOSSIER_STATUS_LABELS.en[s])).toBe(s);
      expect(parseStatus(s)).toBe(s);
    }
  });

  it('reads the portal phrasings, in any case, with or without diacritics', () => {
    expect(parseStatus('Đang giải quyết')).toBe('processing');
    expect(parseStatus('Đã giải quyết')).toBe('result_ready');
    expect(parseStatus('ĐÃ TRẢ KẾT QUẢ')).toBe('returned');
    expect(parseStatus('Trả lại/Từ chối')).toBe('rejected');
    expect(parseStatus('Trả lại')).toBe('rejected');
    expect(parseStatus('Bổ sung hồ sơ')).toBe('needs_supplement');
    expect(parseStatus('  yeu cau bo sung ')).toBe('needs_supplement');
    expect(parseStatus('NEEDS_SUPPLEMENT')).toBe('needs_supplement');
    expect(parseStatus('Result-Ready')).toBe('result_ready');
  });

  it('refuses anything else rather than guess', () => {
    for (const text of ['', 'Chờ phê duyệt', 'Không được tiếp nhận', 'Đã trả', 'processing!!', 'xử lý', '=1+1']) {
      expect(parseStatus(text), text).toBe(text === 'processing!!' ? 'processing' : null);
    }
  });

  it('ImportStatus and the core DossierStatus are the same set', () => {
    const toCore = (s: ImportStatus): DossierStatus => s;
    const fromCore = (s: DossierStatus): ImportStatus => s;
    expect(DOSSIER_STATUSES.map(fromCore).map(toCore)).toEqual([...DOSSIER_STATUSES]);
  });
});
