/**
 * `lingering variants` for people: each driver with its summary and its operations' steps, each
 * agent with its summary, then the poll's steps (the step names a trace may use, docs/events.md#steps).
 */
import { describe, expect, it } from 'vitest';
import { agentVariants } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** The lines `lingering variants` prints, and its exit status. */
async function variantsLines() {
  const b = bufferIo();
  const status = await main(['variants'], b.io);
  return { status, stdout: b.stdout(), lines: b.stdout().split('\n') };
}

describe('lingering variants, as text', () => {
  it('starts with the drivers: a summary line and the steps of both operations for each', async () => {
    const { status, lines } = await variantsLines();
    expect(status).toBe(0);
    expect(lines.slice(0, 10)).toEqual([
      'driver variants (docs/semantics.md#driver-fix-variants):',
      '  original: notify: CAS(refCount, 2, 2), move on 2, then decrement; release: plain decrement',
      '    flowDeleteNotify steps: cas, move, decrement',
      '    calloutExit steps: decrement',
      '  cas-retry: notify: CAS(refCount, 2, 2) retried up to 2 more times, move on 2, then decrement; release: plain decrement',
      '    flowDeleteNotify steps: cas, retry, move, decrement',
      '    calloutExit steps: decrement',
      '  deferred-move: last notify sets pendingMove, then decrements; any decrement to 1 with pendingMove set moves the flow',
      '    flowDeleteNotify steps: markPending, decrement, move',
      '    calloutExit steps: decrement, move',
    ]);
  });

  it('lists three lines per driver, then each agent with its summary, then the poll steps', async () => {
    const { stdout, lines } = await variantsLines();
    // After the drivers' header and three lines per driver come the agents.
    const agents = 1 + 3 * driverNames.length;
    expect(lines.slice(agents)).toEqual([
      'agent variants (docs/semantics.md#agent-designs):',
      ...agentVariants.map((a) => `  ${a.name}: ${a.summary}`),
      'poll steps: readOpen, readClosed',
      '',
    ]);
    expect(lines[agents + 1]).toBe(
      '  prefix: after #47005, before #50823: failures ship every time the record ships',
    );
    expect(stdout.endsWith('readClosed\n')).toBe(true);
  });
});
