/** Prints the functions with the most self time in a V8 .cpuprofile: `tsx test/bench/profile-top.ts FILE [N]`. */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
const total = profile.samples.length;
const self = new Map<string, number>();
for (const n of profile.nodes) {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|work\/main)\//, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 30));
for (const [k, hits] of top) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${k}`);
