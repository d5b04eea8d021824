import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault and load suite (`npm run test:faults`). Its files end in `.fault.ts` (faults) or
 * `.load.ts` (bounded load tests that time the hub: floods, 50,000-row imports), so the root
 * config's `test/**\/*.test.ts` never picks them up. One file at a time: they start hub processes
 * and time things on a 2-core machine, where another test file running beside them would be
 * measured too.
 */
export default defineConfig({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include: ['test/faults/**/*.fault.ts', 'test/**/*.load.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
    allowOnly: false,
  },
});
