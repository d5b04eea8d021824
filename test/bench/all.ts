/**
 * `npm run bench`: every benchmark, one after another, each printing its figures and its raw
 * baselines measured in the same run: the rush (hub vs bare Socket.IO + SQLite), kiosk tap to
 * printer (vs bare render + send), and the reports over a year of a busy site (vs raw SQL).
 * Flags (e.g. --quick) are passed to each.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const steps: Array<[string, string[]]> = [
  ['run.ts', args],
  ['kiosk-print.ts', [quick ? '50' : '200']],
  ['reports.ts', args],
];
let failed = 0;
for (const [file, stepArgs] of steps) {
  process.stdout.write(`\n=== ${file} ${stepArgs.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, file), ...stepArgs], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
