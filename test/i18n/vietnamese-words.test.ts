import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/hub-process';

/**
 * The words of the UI, read from the source: every string literal (and JSX text) that holds
 * Vietnamese (a letter with a diacritic or đ). Comments are not UI text and are skipped.
 */
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** String literals ('…', "…", `…` with ${…} left in) and JSX text, comments removed first. */
export function literalsOf(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          s += text[j + 1] ?? '';
          j += 2;
        } else if (c !== '`' && text[j] === '\n') break; // not a string (an apostrophe in JSX text)
        else s += text[j++];
      }
      out.push(s);
      i = j + 1;
    } else if (c === '>') {
      // JSX text: up to the next tag or expression
      const m = /^>([^<>{}'"`]*)/.exec(text.slice(i));
      const body = m?.[1] ?? '';
      if (VIETNAMESE.test(body)) out.push(body);
      i += 1 + body.length;
    } else i++;
  }
  return out.filter((s) => VIETNAMESE.test(s));
}

function vietnameseStrings(dirs: string[]): Array<{ file: string; text: string }> {
  return dirs
    .flatMap((d) => sourceFiles(join(REPO_ROOT, d)))
    .flatMap((file) => literalsOf(readFileSync(file, 'utf8')).map((text) => ({ file: relative(REPO_ROOT, file), text })));
}

const ALL_UI = ['apps/hub/src', 'apps/kiosk/src', 'apps/counter/src', 'apps/display/src', 'apps/admin/src', 'packages/ui/src', 'packages/printer/src', 'packages/core/src'];
/** What citizens read or hear: kiosk, phone and look-up pages, printed ticket, rating tablet, wall display, voice. */
const CITIZEN = ['apps/kiosk/src', 'apps/display/src', 'apps/counter/src/rate.tsx', 'packages/printer/src', 'packages/ui/src/i18n.ts'];

function citizenStrings(): Array<{ file: string; text: string }> {
  return CITIZEN.flatMap((p) =>
    p.endsWith('.tsx') || p.endsWith('.ts')
      ? literalsOf(readFileSync(join(REPO_ROOT, p), 'utf8')).map((text) => ({ file: p, text }))
      : vietnameseStrings([p]),
  );
}

describe('Vietnamese UI words', () => {
  it('the scanner finds string literals and JSX text, not comments', () => {
    const found = literalsOf(`// Mời bạn\nconst a = 'Mời Ông/Bà'; /* quý khách */ const b = \`Quầy \${n} «x»\`;\nconst c = <p>Xin cảm ơn</p>;`);
    expect(found).toEqual(['Mời Ông/Bà', 'Quầy ${n} «x»', 'Xin cảm ơn']);
  });

  it('citizens are addressed as Ông/Bà and spoken of as công dân: never "bạn" or "quý khách"', () => {
    const strings = citizenStrings();
    expect(strings.length).toBeGreaterThan(100);
    const bad = strings.filter((s) => /(^|[^\p{L}])(bạn|quý khách)($|[^\p{L}])/iu.test(s.text.normalize('NFC')));
    expect(bad).toEqual([]);
  });

  it('Vietnamese text quotes with “ ”, never « » or straight quotes around words', () => {
    const strings = vietnameseStrings(ALL_UI);
    // HTML attributes (lang="vi") and JSON examples ({ "cccd": "…" }) are markup, not quotation
    const words = (t: string): string => t.replace(/[\w-]+="[^"]*"/g, '').replace(/"[^"]*"\s*:\s*"[^"]*"/g, '');
    const bad = strings.filter((s) => /[«»]/.test(s.text) || /"[^"\s][^"]*"/u.test(words(s.text)));
    expect(bad).toEqual([]);
  });

  it('one word for the kiosk in Vietnamese: ki-ốt (as government documents write it), never "kiosk"', () => {
    const strings = vietnameseStrings(ALL_UI);
    expect(strings.some((s) => /ki-ốt/iu.test(s.text))).toBe(true);
    // a URL path (/kiosk/) or an identifier in a template is not a word of the text
    const bad = strings.filter((s) => /(^|[^\p{L}/_-])kiosk(?![\p{L}/_-])/iu.test(s.text.replace(/\$\{[^}]*\}/g, '')));
    expect(bad).toEqual([]);
  });
});
