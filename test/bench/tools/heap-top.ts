/**
 * Allocation sites of a sampled heap profile (`BENCH_HEAP_SAMPLING=1 npx tsx test/bench/run.ts
 * --profile`: the hub child samples allocations, collected objects included, during its paced
 * rounds instead of CPU). `npx tsx test/bench/tools/heap-top.ts FILE COMMANDS [N]` prints KB
 * allocated per command, by site (self) and by call path (total).
 */
import { readFileSync } from 'node:fs';

type Node = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] };
const [file, commandsArg, nArg] = process.argv.slice(2);
if (!file || !commandsArg) throw new Error('usage: heap-top.ts FILE COMMANDS [N]');
const commands = Number(commandsArg);
const top = Number(nArg ?? 30);
const data = JSON.parse(readFileSync(file, 'utf8')) as { head: Node } | { profile: { head: Node } };
const head = 'head' in data ? data.head : data.profile.head;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
const walk = (n: Node, stack: ReadonlySet<string>): number => {
  const url = n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/test\/bench\/\.out\//, '');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + n.selfSize);
  all += n.selfSize;
  const inner = new Set(stack).add(key);
  let sub = n.selfSize;
  for (const c of n.children) sub += walk(c, inner);
  if (!stack.has(key)) total.set(key, (total.get(key) ?? 0) + sub);
  return sub;
};
walk(head, new Set());
const kb = (v: number) => (v / commands / 1024).toFixed(2).padStart(7);
console.log(`sampled allocations: ${kb(all)} KB per command over ${commands} commands`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`self  ${kb(v)} KB  ${k}`);
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`total ${kb(v)} KB  ${k}`);
