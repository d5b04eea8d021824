import type { PowerSaveBlocker } from 'electron';
import { describe, expect, it } from 'vitest';
import { keepDisplayAwake } from './power';

class FakeBlocker implements Pick<PowerSaveBlocker, 'start' | 'isStarted'> {
  started: Array<{ id: number; type: string }> = [];
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = this.started.length + 1;
    this.started.push({ id, type });
    return id;
  }
  isStarted(id: number): boolean {
    return this.started.some((s) => s.id === id);
  }
}

describe('keepDisplayAwake', () => {
  it('blocks display sleep (not just app suspension)', () => {
    const blocker = new FakeBlocker();
    expect(keepDisplayAwake(blocker)).toBe(1);
    expect(blocker.started).toEqual([{ id: 1, type: 'prevent-display-sleep' }]);
  });

  it('reuses a blocker that is still running, restarts one that is not', () => {
    const blocker = new FakeBlocker();
    const id = keepDisplayAwake(blocker);
    expect(keepDisplayAwake(blocker, id)).toBe(id);
    expect(keepDisplayAwake(blocker, 99)).toBe(2);
    expect(blocker.started).toHaveLength(2);
  });
});
