import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/hub-process';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)];
  return found.map((m) => m[1] ?? m[2] ?? '');
}

/** Imports allowed from each package's src (relative imports are always allowed). */
const RULES: Array<{ pkg: string; allow: RegExp; why: string; testsMayUse?: RegExp }> = [
  // core's own tests may also use the property-testing library; its code may not
  { pkg: 'packages/core', allow: /^vitest$/, testsMayUse: /^fast-check$/, why: 'core is pure: no IO, no node:, no SQL, no Socket.IO, no DOM' },
  { pkg: 'packages/protocol', allow: /^(@qms\/core|zod|vitest)$/, why: 'protocol imports only core types and the schema library' },
  {
    pkg: 'packages/printer',
    allow: /^(@napi-rs\/canvas|node-thermal-printer|qrcode|zod|@expo-google-fonts\/be-vietnam-pro(\/.*)?|vitest|node:[a-z_/]+)$/,
    why: 'printer: rendering and ESC/POS only, no hub, store or protocol',
  },
  {
    pkg: 'packages/store',
    allow: /^(@qms\/core|better-sqlite3|vitest|fast-check|node:[a-z_/]+)$/,
    why: 'store is SQLite and core types only',
  },
];

describe('dependency rules (DESIGN.md)', () => {
  for (const rule of RULES) {
    it(`${rule.pkg}: ${rule.why}`, () => {
      const bad: string[] = [];
      for (const file of sourceFiles(join(REPO_ROOT, rule.pkg, 'src'))) {
        for (const spec of importsOf(file)) {
          const testOnly = file.endsWith('.test.ts') && rule.testsMayUse?.test(spec) === true;
          if (!spec.startsWith('.') && !rule.allow.test(spec) && !testOnly) bad.push(`${relative(REPO_ROOT, file)} -> ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('UI code (packages/ui, renderers) never imports the store, node:, Electron or the printer runtime', () => {
    const FORBIDDEN = /^(@qms\/store|@qms\/hub|@qms\/printer$|better-sqlite3|socket\.io$|electron$|node:)/;
    const dirs = ['packages/ui/src', 'apps/kiosk/src/renderer', 'apps/counter/src', 'apps/display/src', 'apps/admin/src'];
    const bad = dirs
      .filter((d) => existsSync(join(REPO_ROOT, d)))
      .flatMap((d) => sourceFiles(join(REPO_ROOT, d)))
      .filter((f) => !f.endsWith('.test.ts'))
      .flatMap((f) => importsOf(f).filter((spec) => FORBIDDEN.test(spec)).map((spec) => `${relative(REPO_ROOT, f)} -> ${spec}`));
    expect(bad).toEqual([]);
  });

  it('@qms/printer/types and @qms/printer/wait-wording have no imports at all (browser bundles import them)', () => {
    expect(importsOf(join(REPO_ROOT, 'packages/printer/src/types.ts'))).toEqual([]);
    expect(importsOf(join(REPO_ROOT, 'packages/printer/src/wait-wording.ts'))).toEqual([]);
  });

  it('core never reads the wall clock', () => {
    const offenders = sourceFiles(join(REPO_ROOT, 'packages/core/src'))
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => /Date\.now\(|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the import scanner sees real imports (guards the rule above)', () => {
    const hubImports = sourceFiles(join(REPO_ROOT, 'apps/hub/src')).flatMap(importsOf);
    expect(hubImports).toContain('@qms/store');
    expect(hubImports).toContain('socket.io');
  });
});
