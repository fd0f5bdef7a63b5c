/**
 * `lingering export --format itf` (interchange/): the PR trace's ITF is valid JSON with `#meta`,
 * `vars` and `states` as ITF defines them, reads back state by state to the engine's refCounts,
 * tables and backend totals, records the action taken, and bad input exits 2 in one line.
 * (Here rather than in interchange/ because vitest and tsc include cli/.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineState } from '../engine/EngineState.js';
import { tableOf } from '../engine/driver/tables.js';
import { parseTrace } from '../engine/trace.js';
import { runEvents } from '../engine/run.js';
import type { Decoded } from '../interchange/ofItf.js';
import { ItfTraceSchema, ItfValueSchema, ofItf } from '../interchange/ofItf.js';
import { ITF_VARS } from '../interchange/toItf.js';
import { invariantNames } from '../properties/invariants/index.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

const PR = 'counterexamples/pr-50823-three-polls.json';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

function engineStates(driver = 'original', agent = 'prefix'): readonly EngineState[] {
  const t = parseTrace(readFileSync(PR, 'utf8'), {
    drivers: driverNames,
    agents: agentNames,
    invariants: invariantNames,
  });
  if (!t.ok) throw t.error;
  const r = runEvents(
    { driver: findDriver(driver)!, agent: findAgent(agent)!, layers: t.value.layers, clients: 1 },
    t.value.events,
  );
  if (!r.ok) throw r.error;
  return r.value;
}

type State = Record<string, unknown> & { '#meta': { index: number; action: string } };

describe('lingering export --format itf', () => {
  it('writes the PR trace as ITF: #meta, vars and one state per step with its index', async () => {
    // Act
    const r = await run('export', PR, '--format', 'itf');
    const itf = JSON.parse(r.stdout) as {
      '#meta': Record<string, unknown>;
      vars: string[];
      states: State[];
    };
    // Assert
    expect(r.status).toBe(0);
    expect(itf['#meta']).toMatchObject({
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source: PR,
    });
    expect(itf.vars).toEqual([...ITF_VARS]);
    expect(itf.states).toHaveLength(15);
    itf.states.forEach((s, i) => {
      expect(s['#meta'].index).toBe(i);
      expect(
        Object.keys(s)
          .filter((k) => k !== '#meta')
          .sort(),
      ).toEqual([...ITF_VARS].sort());
      for (const v of ITF_VARS) expect(ItfValueSchema.safeParse(s[v]).success).toBe(true);
    });
    expect(ItfTraceSchema.safeParse(itf).success).toBe(true);
    // Integers are #bigint, maps #map.
    expect(itf.states[1]?.polls).toEqual({ '#bigint': '0' });
    expect(itf.states[1]?.flows).toEqual({
      '#map': [
        [
          { '#bigint': '1' },
          expect.objectContaining({ refCount: { '#bigint': '5' }, table: 'open' }),
        ],
      ],
    });
  });

  it('records the action taken as Quint --mbt does, and the step in #meta', async () => {
    const itf = JSON.parse((await run('export', PR)).stdout) as { states: State[] };
    expect(itf.states.map((s) => s['mbt::actionTaken'])).toEqual([
      'init',
      'establish',
      'traffic',
      'calloutEnter',
      'reset',
      'flowDeleteNotify',
      'flowDeleteNotify',
      'flowDeleteNotify',
      'flowDeleteNotify',
      'calloutExit',
      'poll',
      'traffic',
      'poll',
      'traffic',
      'poll',
    ]);
    expect(itf.states[2]?.['#meta'].action).toBe('traffic(1, 100)');
    expect(itf.states[2]?.['mbt::nondetPicks']).toEqual({
      flow: { tag: 'Some', value: { '#bigint': '1' } },
      bytes: { tag: 'Some', value: { '#bigint': '100' } },
      step: { tag: 'None', value: { '#tup': [] } },
    });
  });

  it.each([
    ['original', 'prefix'],
    ['deferred-move', 'postfix'],
  ])(
    'reads back to the engine state by state (%s × %s): refCount, table, shipped totals',
    async (driver, agent) => {
      // Arrange
      const states = engineStates(driver, agent);
      const itf = JSON.parse(
        (await run('export', PR, '--driver', driver, '--agent', agent)).stdout,
      ) as { states: State[] };
      // Act
      const decoded = itf.states.map((s) =>
        Object.fromEntries(
          Object.entries(s).map(([k, v]) => [k, k === '#meta' ? v : ofItf(v as never)]),
        ),
      );
      // Assert
      expect(decoded).toHaveLength(states.length);
      decoded.forEach((d, i) => {
        const engine = states[i] as EngineState;
        const flows = d.flows as Map<bigint, Record<string, Decoded>>;
        for (const f of engine.driver.flows.filter((x) => x !== undefined)) {
          const mine = flows.get(BigInt(f.id));
          expect(mine?.refCount).toBe(BigInt(f.refCount));
          expect(mine?.table).toBe(tableOf(engine.driver, f.id));
          expect(mine?.pendingMove).toBe(f.pendingMove);
        }
        expect(flows.size).toBe(engine.driver.flows.filter((x) => x !== undefined).length);
        const backend = (d.backend as Map<bigint, Record<string, Decoded>>).get(1n);
        expect([backend?.closes, backend?.failures]).toEqual([
          BigInt(engine.backends[0]?.closes ?? -1),
          BigInt(engine.backends[0]?.failures ?? -1),
        ]);
        expect(d.openFlows).toEqual(engine.driver.openFlows.map((x) => BigInt(x)));
        expect(d.polls).toBe(BigInt(engine.polls));
      });
    },
  );

  it('ships, in the state after each poll, the records the poll shipped', async () => {
    const itf = JSON.parse((await run('export', PR)).stdout) as { states: State[] };
    const shipped = itf.states.map((s) =>
      (ofItf(s.shipped as never) as Record<string, Decoded>[]).map((r) => [
        r.lastTCPClosed,
        r.tcpFailures,
      ]),
    );
    expect(shipped[10]).toEqual([[1n, new Map([[104n, 1n]])]]);
    expect(shipped[12]).toEqual([[0n, new Map([[104n, 1n]])]]);
    expect(shipped.filter((s) => s.length > 0)).toHaveLength(3);
  });

  it('writes the same bytes every time', async () => {
    expect((await run('export', PR)).stdout).toBe((await run('export', PR)).stdout);
  });

  it.each([
    [['export', PR, '--format', 'tla'], /--format: got "tla"; allowed: itf/],
    [['export'], /export: got no FILE/],
    [['export', 'missing.json'], /missing\.json: got no such file/],
    [['export', PR, '--driver', 'nope'], /--driver: got "nope"; allowed: original/],
    [['export', PR, 'extra.json'], /export: got "extra\.json"; allowed: one FILE/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects what ITF does not allow', () => {
    expect(ItfValueSchema.safeParse({ '#bigint': '1.5' }).success).toBe(false);
    expect(ItfValueSchema.safeParse({ '#map': [[1]] }).success).toBe(false);
    expect(
      ItfTraceSchema.safeParse({
        '#meta': {},
        vars: ['x'],
        states: [{ '#meta': { index: 1 }, x: true }],
      }).success,
    ).toBe(false);
    expect(
      ItfTraceSchema.safeParse({ '#meta': {}, vars: ['x'], states: [{ '#meta': { index: 0 } }] })
        .success,
    ).toBe(false);
    expect(
      ItfTraceSchema.safeParse({
        '#meta': {},
        vars: ['x'],
        states: [{ '#meta': { index: 0 }, x: { '#bigint': '-3' } }],
      }).success,
    ).toBe(true);
  });
});
