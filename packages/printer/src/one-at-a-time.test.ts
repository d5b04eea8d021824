import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('oneAtATime', () => {
  it('runs tasks of one key in call order without overlap, other keys in parallel', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      oneAtATime('a', task('a1', 30)),
      oneAtATime('a', task('a2', 1)),
      oneAtATime('b', task('b1', 1)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('keeps going after a task fails', async () => {
    const failed = oneAtATime('c', () => Promise.reject(new Error('paper out')));
    const next = oneAtATime('c', () => Promise.resolve('printed'));
    await expect(failed).rejects.toThrow('paper out');
    await expect(next).resolves.toBe('printed');
  });
});
