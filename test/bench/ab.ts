/**
 * A/B rounds: the paced rush is split into rounds run alternately against the bare server and the
 * hub (bare 1, hub 1, bare 2, hub 2, ...), each pair with the same seed, so both see the same
 * offered load and a burst of unrelated activity on the machine hits both alike. Each round also
 * records how much machine CPU went to other processes while it ran.
 */
import type { Child } from './child';
import type { HubLoad, LoadShape } from './load';
import { machineCpu } from './machine';
import { mergeRushes, type RushResult } from './rush';

export interface RoundInfo {
  seconds: number;
  issued: number;
  serverCpuMs: number;
  /** Machine CPU used outside this bench's processes during the round, ms. */
  otherCpuMs: number;
  stealMs: number;
  callP99Ms: number;
}

export class Side {
  readonly rounds: RushResult[] = [];
  readonly info: RoundInfo[] = [];

  constructor(
    readonly name: string,
    readonly child: Child<unknown>,
    readonly load: HubLoad,
  ) {}

  /** Marks the child's counters; call once before the first round. */
  start(): void {
    this.child.send({ type: 'mark' });
  }

  async round(shape: LoadShape, seed: number): Promise<RushResult> {
    const cpu0 = (await this.child.usage()).cpuMs;
    const machine0 = machineCpu();
    const own0 = process.cpuUsage();
    this.child.send({ type: 'resume' });
    const r = await this.load.rush(shape, seed);
    this.child.send({ type: 'pause' });
    const own = process.cpuUsage(own0);
    const machine1 = machineCpu();
    const serverCpuMs = (await this.child.usage()).cpuMs - cpu0;
    const otherCpuMs = machine1.busyMs - machine0.busyMs - (own.user + own.system) / 1000 - serverCpuMs;
    const sorted = [...r.callToLastDisplayMs].sort((a, b) => a - b);
    this.rounds.push(r);
    this.info.push({
      seconds: Math.round(r.durationMs / 100) / 10,
      issued: r.issued,
      serverCpuMs: Math.round(serverCpuMs),
      otherCpuMs: Math.max(0, Math.round(otherCpuMs)),
      stealMs: machine1.stealMs - machine0.stealMs,
      callP99Ms: Math.round((sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Number.NaN) * 10) / 10,
    });
    return r;
  }

  merged(): RushResult {
    return mergeRushes(this.rounds);
  }
}
