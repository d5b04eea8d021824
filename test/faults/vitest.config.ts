import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`). Its files end in `.fault.ts`, so the root config's
 * `test/**\/*.test.ts` (npm test) never picks them up. One file at a time: they start hub
 * processes and time things on a 2-core machine.
 */
export default defineConfig({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    include: ['test/faults/**/*.fault.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
    allowOnly: false,
  },
});
