/** Runs the real esbuild build of main + preload (scripts/build-main.mjs) and inspects the output. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KioskBuild, MAIN_EXTERNALS, buildKiosk } from '../../scripts/build-main.mjs';

let outDir: string;
let result: KioskBuild;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kiosk-build-'));
  result = await buildKiosk({ outDir, logLevel: 'silent' });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every `require(...)` call in a bundle: string literals by name, anything else as "<dynamic>". */
function requiresOf(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*([^)]*?)\s*\)/g)].map((m) => {
    const literal = /^["'`]([^"'`]+)["'`]$/.exec(m[1] ?? '');
    return literal?.[1] ?? '<dynamic>';
  });
}

describe('kiosk build (esbuild)', () => {
  it('writes dist main.cjs and preload.cjs with source maps', () => {
    expect(result.mainFile).toBe(join(outDir, 'main.cjs'));
    expect(result.preloadFile).toBe(join(outDir, 'preload.cjs'));
    for (const file of ['main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
  });

  it('the preload is one self-contained file that requires nothing but electron', () => {
    const code = readFileSync(result.preloadFile, 'utf8');
    expect(requiresOf(code)).toEqual(['electron']);
    expect(Object.keys(result.preloadMeta.inputs).sort()).toEqual(['src/preload/preload.ts', 'src/shared/bridge.ts']);
    expect(code).toContain('exposeInMainWorld(BRIDGE_KEY, bridge)');
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\b/);
  });

  it('main requires only Node built-ins, electron and the native printer modules', () => {
    const code = readFileSync(result.mainFile, 'utf8');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const outside = requiresOf(code).filter((m) => !builtins.has(m));
    expect(new Set(outside)).toEqual(new Set(MAIN_EXTERNALS));
    expect(MAIN_EXTERNALS).toEqual(['electron', '@napi-rs/canvas', 'node-thermal-printer']);
  });

  it('main bundles the kiosk modules, the printer package and zod, with import.meta shimmed for CJS', () => {
    const inputs = Object.keys(result.mainMeta.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['src/main/main.ts', 'src/main/print-ipc.ts', 'src/shared/bridge.ts']));
    expect(inputs.some((p) => p.includes('packages/printer/src/print-ticket.ts'))).toBe(true);
    expect(inputs.some((p) => p.includes('node_modules/zod/'))).toBe(true);
    const code = readFileSync(result.mainFile, 'utf8');
    expect(code.startsWith('const __qmsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;')).toBe(true);
    expect(code).not.toMatch(/import\.meta/);
  });
});
