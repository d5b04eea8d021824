/**
 * Summarises a V8 .cpuprofile (e.g. the hub's paced rush from `npm run bench -- --profile`): time
 * by area (hub code, each package, GC, idle), then the functions with the most self time and the
 * most total (inclusive) time. Frames of a bundle (test/bench/.out/*.mjs) are mapped back to the
 * TypeScript sources through the bundle's source map.
 * `npx tsx test/bench/profile-top.ts FILE [N]`
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const short = (path: string) => path.replace(/^.*?\/(node_modules|apps|packages|test)\//, '$1/');

/** Source-map look-up per bundle file, loaded once. */
function sourceMapper(): (url: string, line: number, column: number) => { path: string; line: number } | null {
  const maps = new Map<string, SourceMap | null>();
  return (url, line, column) => {
    if (!url.endsWith('.mjs')) return null;
    if (!maps.has(url)) {
      const file = `${url.startsWith('file:') ? fileURLToPath(url) : url}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    const e = maps.get(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
    return e?.originalSource ? { path: e.originalSource, line: e.originalLine ?? 0 } : null;
  };
}

/** Area of a frame: hub / store / core / protocol code, an npm package, node itself, or V8's own. */
function areaOf(path: string, functionName: string): string {
  if (!path) return functionName.startsWith('(') ? functionName : '(native / builtin)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1]) return pkg[1];
  const ws = /(apps|packages)\/([^/]+)\//.exec(path);
  if (ws) return `${ws[1]}/${ws[2]}`;
  if (path.includes('test/bench/')) return 'test/bench (instrumentation)';
  if (path.startsWith('node:')) return 'node internals';
  return short(path);
}

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const map = sourceMapper();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const info = new Map<number, { label: string; area: string }>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const src = f.url ? (map(f.url, f.lineNumber, f.columnNumber) ?? { path: f.url, line: f.lineNumber }) : null;
    const name = f.functionName || '(anonymous)';
    info.set(n.id, { label: src ? `${name} ${short(src.path)}:${src.line + 1}` : name, area: areaOf(src?.path ?? '', name) });
  }

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const id of profile.samples) {
    const leaf = info.get(id);
    if (!leaf) continue;
    add(self, leaf.label);
    add(areas, leaf.area);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = info.get(cur)?.label;
      if (l) seen.add(l);
    }
    for (const k of seen) add(total, k);
  }
  const n = profile.samples.length;
  const busy = n - (areas.get('(idle)') ?? 0);
  const lines: string[] = [];
  const show = (title: string, m: Map<string, number>, count: number) => {
    lines.push(`\n${title}`);
    for (const [k, hits] of [...m].sort((a, b) => b[1] - a[1]).slice(0, count)) {
      const ofBusy = k === '(idle)' || k === '(root)' ? '' : `${((100 * hits) / Math.max(1, busy)).toFixed(1)}%`;
      lines.push(`${((100 * hits) / n).toFixed(1).padStart(5)}% ${ofBusy.padStart(6)}  ${k}`);
    }
  };
  lines.push(`${n} samples, ${busy} not idle; columns: % of all samples, % of non-idle samples`);
  show('self time by area', areas, 20);
  show('self time', self, top);
  show('total time', total, top);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N]');
  console.log(summariseProfile(file, Number(topArg ?? 25)));
}
