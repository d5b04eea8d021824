import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './read-csv';
import type { SheetRow } from './sheet';
import { decodeCsvBytes, lineOfFirstBadByte } from './utf8';

const rows = (text: string | Buffer): SheetRow[] => {
  const read = readCsv(Buffer.isBuffer(text) ? text : Buffer.from(text));
  if (!read.ok) throw new Error(read.issue.message);
  return read.rows;
};

describe('readCsv', () => {
  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('"Thủ tục, lĩnh vực";"Mã hồ sơ";b\n')).toBe(';');
    expect(detectDelimiter('one column')).toBe(',');
  });

  it('numbers each record by the line it starts on, through quoted line breaks, CRLF and blank lines', () => {
    const text = 'h1,h2\r\n"a\r\nb",1\r\n\r\n"x ""q"", y",2\r\nlast,3';
    expect(rows(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a\r\nb', '1'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['x "q", y', '2'] },
      { line: 6, cells: ['last', '3'] },
    ]);
  });

  it('counts old-Mac CR line ends, inside and outside quotes, as a text editor does', () => {
    expect(rows('h1\r"a\rb"\rz').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keeps stray quotes inside a field and takes rows of any width', () => {
    expect(rows('a;b\nNguyễn "Tí";2;extra\nonly\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['Nguyễn "Tí"', '2', 'extra'] },
      { line: 3, cells: ['only'] },
    ]);
  });

  it('drops a UTF-8 BOM so the first heading matches', () => {
    expect(rows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Mã hồ sơ,b')]))[0]?.cells[0]).toBe('Mã hồ sơ');
  });
});

describe('UTF-8 check', () => {
  it('accepts UTF-8 with or without BOM, and refuses UTF-16 in either byte order', () => {
    expect(decodeCsvBytes(Buffer.from('Mã,b'))).toEqual({ ok: true, text: 'Mã,b' });
    expect(decodeCsvBytes(Buffer.from('\uFEFFMã,b'))).toEqual({ ok: true, text: 'Mã,b' });
    expect(decodeCsvBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, reason: 'utf16' });
    expect(decodeCsvBytes(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({ ok: false, reason: 'utf16' });
  });

  it('finds the line of the first bad byte: lone bytes, truncated, overlong and surrogate sequences', () => {
    const at = (...parts: Array<string | number[]>): number =>
      lineOfFirstBadByte(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));
    expect(at('ok\nđúng\n', [0xea], 'n\n')).toBe(3);
    expect(at('a\nb\nc\nd', [0xe1, 0xbb])).toBe(4);
    expect(at('a\r\nb\rc\r', [0xff])).toBe(4);
    expect(at([0xc0, 0xaf])).toBe(1);
    expect(at('x\n', [0xed, 0xa0, 0x80])).toBe(2);
    expect(at('x\n', [0xf4, 0x90, 0x80, 0x80])).toBe(2);
    expect(decodeCsvBytes(Buffer.from([0x61, 0x0a, 0x80]))).toEqual({ ok: false, reason: 'not_utf8', line: 2 });
  });
});
