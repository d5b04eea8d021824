import { describe, expect, it } from 'vitest';
import { documentListProblem, formatDocumentList, parseDocumentLine, parseDocumentList } from './documents';

describe('document lists (thành phần hồ sơ)', () => {
  it('reads a name with its form and quantity from a trailing bracket', () => {
    expect(parseDocumentLine('Tờ khai đăng ký khai sinh (bản chính)')).toEqual({ name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1 });
    expect(parseDocumentLine('- Giấy tờ chứng minh chỗ ở (bản sao, 02 bản).')).toEqual({ name: 'Giấy tờ chứng minh chỗ ở', form: 'copy', quantity: 2 });
    expect(parseDocumentLine('2. Sổ hộ khẩu (Ban sao; 3)')).toEqual({ name: 'Sổ hộ khẩu', form: 'copy', quantity: 3 });
    expect(parseDocumentLine('Ảnh 4x6 (02 bản)')).toEqual({ name: 'Ảnh 4x6', form: 'original', quantity: 2 });
  });

  it('keeps a bracket that is part of the name; defaults to one original', () => {
    expect(parseDocumentLine('Tờ khai thay đổi thông tin cư trú (mẫu CT01)')).toEqual({ name: 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', form: 'original', quantity: 1 });
    expect(parseDocumentLine('Giấy chứng sinh')).toEqual({ name: 'Giấy chứng sinh', form: 'original', quantity: 1 });
    expect(parseDocumentLine('   ')).toBeNull();
  });

  it('splits on lines and semicolons (not inside a bracket) and reads its own text form back', () => {
    const docs = parseDocumentList('Tờ khai (mẫu CT01);Giấy tờ chứng minh (bản sao; 2 bản)\r\n\nẢnh (1 bản)');
    expect(docs).toEqual([
      { name: 'Tờ khai (mẫu CT01)', form: 'original', quantity: 1 },
      { name: 'Giấy tờ chứng minh', form: 'copy', quantity: 2 },
      { name: 'Ảnh', form: 'original', quantity: 1 },
    ]);
    expect(parseDocumentList(formatDocumentList(docs))).toEqual(docs);
  });

  it('tells what cannot be stored', () => {
    expect(documentListProblem([{ name: 'A', form: 'copy', quantity: 1 }])).toBeNull();
    expect(documentListProblem([{ name: ' ', form: 'copy', quantity: 1 }])).toMatch(/Tên giấy tờ/);
    expect(documentListProblem([{ name: 'A', form: 'copy', quantity: 0 }])).toMatch(/Số lượng/);
  });
});
