/**
 * Preloaded into a hub child process (`--import`) by tests that bound how long the hub's event
 * loop may block: a perf_hooks event-loop delay histogram, reset and read over the IPC channel
 * ('loop:reset' -> { type: 'loop:reset' }, 'loop:read' -> { type: 'loop', maxMs, p99Ms, count }).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

process.on('message', (m) => {
  if (m === 'loop:reset') {
    histogram.reset();
    process.send?.({ type: 'loop:reset' });
  } else if (m === 'loop:read') {
    process.send?.({ type: 'loop', maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, count: histogram.count });
  }
});
