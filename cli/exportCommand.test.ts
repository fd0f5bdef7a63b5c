/**
 * `lingering export --format itf` (interchange/): the PR trace's ITF is valid JSON with `#meta`,
 * `vars` and `states` as ITF defines them, reads back state by state to the engine's refCounts,
 * tables and backend totals, records the action taken, and bad input exits 2 in one line.
 * (Here rather than in interchange/ because vitest and tsc include cli/.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import { getClient } from '../engine/agent/networkState.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import { eventToJson } from '../engine/events.js';
import { tableOf } from '../engine/driver/tables.js';
import { parseTrace } from '../engine/trace.js';
import { runEvents } from '../engine/run.js';
import type { Decoded } from '../interchange/ofItf.js';
import { ItfTraceSchema, ItfValueSchema, ofItf } from '../interchange/ofItf.js';
import { ITF_VAR_TYPES, ITF_VARS } from '../interchange/toItf.js';
import { invariantNames } from '../invariants/index.js';
import { seq, seqStates } from '../engine/seq.js';
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
      varTypes: ITF_VAR_TYPES,
    });
    expect(itf.vars).toEqual([...ITF_VARS]);
    expect(Object.keys(itf['#meta'].varTypes as object)).toEqual([...ITF_VARS]);
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
      tuple: { tag: 'None', value: { '#tup': [] } },
      client: { tag: 'None', value: { '#tup': [] } },
      order: { tag: 'None', value: { '#tup': [] } },
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
          expect(mine?.pendingMove).toBe(f.memory.pendingMove ?? false);
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
    [['export', PR, '--clients', '0'], /--clients: got 0; allowed: an integer from 1 to 8/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('writes nothing for a trace the engine refuses part-way, and exits 2 naming the event', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-export-')), 'refused.json');
    const events = seq('e1 t1 p cx1 p').map(eventToJson);
    writeFileSync(
      file,
      JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix', events }),
    );
    const r = await run('export', file);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/refused\.json: events\[3\] calloutExit\(1\): no callout in flight/);
  });

  it('rejects what ITF does not allow', () => {
    expect(ItfValueSchema.safeParse({ '#bigint': '1.5' }).success).toBe(false);
    expect(ItfValueSchema.safeParse({ polls: 3 }).success).toBe(false);
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

/**
 * A production trace (docs/environment.md): flow 1 lingers, the drain reads flow 2 and stores it
 * after a poll, flow 3 takes flow 1's tuple and is read first, client 2 expires and is re-created
 * by a poll, client 1 expires with a buffered record, client 2 registers again.
 */
const PRODUCTION =
  'e1 e2 t1 p@1 p@2 ce1 r1 f2 fd1*4 fd2*4 d.read p@1 exp2 e3@1 t3 r3 p.readOpen[3,1] p.readClosed d2.store exp1 p@1 exp2 reg2 p@2';

describe('lingering export --format itf of the production environment', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lingering-export-')), 'production.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'lingering-trace/v1',
      driver: 'original',
      agent: 'prefix',
      events: seq(PRODUCTION).map(eventToJson),
    }),
  );
  const states = seqStates(
    { driver: findDriver('original')!, agent: findAgent('prefix')!, layers: 4, clients: 2 },
    PRODUCTION,
  );
  const exported = async () => {
    const r = await run('export', file);
    expect([r.status, r.stderr]).toEqual([0, '']);
    return JSON.parse(r.stdout) as {
      '#meta': Record<string, unknown>;
      vars: string[];
      states: State[];
    };
  };
  const decode = (s: State) =>
    Object.fromEntries(
      Object.entries(s).map(([k, v]) => [k, k === '#meta' ? v : ofItf(v as never)]),
    ) as Record<string, Decoded>;

  it('is valid ITF with one state per step, run with as many clients as the trace names', async () => {
    const itf = await exported();
    expect(ItfTraceSchema.safeParse(itf).success).toBe(true);
    expect(itf.states).toHaveLength(states.length);
    expect(itf['#meta']).toMatchObject({ clients: 2 });
    expect(itf.vars).toEqual(expect.arrayContaining(['pollClient', 'drainHeld', 'clients']));
  });

  it('reads back to the engine state by state: tuples, the drain, the clients and their sessions', async () => {
    const decoded = (await exported()).states.map(decode);
    decoded.forEach((d, i) => {
      const engine = states[i] as EngineState;
      const flows = d.flows as Map<bigint, Record<string, Decoded>>;
      for (const f of engine.driver.flows.filter((x) => x !== undefined))
        expect(flows.get(BigInt(f.id))?.tuple).toBe(BigInt(f.tuple));
      const held = (d.drainHeld as Record<string, Decoded>[]).map((r) => r.cookie);
      expect(held).toEqual((engine.drain?.held ?? []).map((r) => BigInt(r.cookie)));
      expect(d.pollClient).toEqual(
        engine.poll === null
          ? { tag: 'None', value: [] }
          : { tag: 'Some', value: BigInt(engine.poll.client + 1) },
      );
      const clients = d.clients as Map<bigint, Record<string, Decoded>>;
      engine.sessions.forEach((session, c) => {
        const mine = clients.get(BigInt(c + 1)) as Record<string, Decoded>;
        const agent = getClient(engine.agent, clientId(c));
        expect(mine.registered).toBe(agent !== undefined);
        expect(mine.baselines).toEqual(
          new Set([...(agent?.stats.keys() ?? [])].map((k) => BigInt(k))),
        );
        expect(mine.closedBuffer).toEqual((agent?.closed.conns ?? []).map((r) => BigInt(r.cookie)));
        const ended = (mine.session as Record<string, Decoded>).ended;
        expect(ended).toEqual(session.ended.map((f) => BigInt(f)));
      });
      const backend = d.backend as Map<bigint, Record<string, Decoded>>;
      engine.backends.forEach((b, c) => {
        const connections = backend.get(BigInt(c + 1))?.connections as Map<
          bigint,
          Record<string, Decoded>
        >;
        expect([...connections.keys()]).toEqual(Object.keys(b.connections).map((t) => BigInt(t)));
      });
    });
  });

  it("records the event's client, tuple, order, step and flow among the picks", async () => {
    const itf = await exported();
    const picks = itf.states.map(
      (s) => ofItf(s['mbt::nondetPicks'] as never) as Record<string, Decoded>,
    );
    const some = (v: Decoded) => ({ tag: 'Some', value: v });
    const at = (action: string) => picks[itf.states.findIndex((s) => s['#meta'].action === action)];
    expect(at('establish(3, tuple 1)')?.tuple).toEqual(some(1n));
    expect(at('poll.readOpen[3, 1]')?.order).toEqual(some([3n, 1n]));
    expect(at('drain.store(2)')).toMatchObject({ flow: some(2n), step: some('store') });
    expect(at('clientExpire(2)')?.client).toEqual(some(2n));
    expect(at('poll(client 1)')?.client).toEqual(some(1n));
    expect(picks[0]?.order).toEqual({ tag: 'None', value: [] });
  });

  it('ships records by tuple, with the flows merged into them', async () => {
    const itf = await exported();
    const shipped = itf.states.flatMap((s) =>
      (ofItf(s.shipped as never) as Record<string, Decoded>[]).map((r) => [
        s['#meta'].action,
        r.tuple,
        (r.parts as Record<string, Decoded>[]).map((p) => p.flow),
      ]),
    );
    const engine = states.flatMap((s, i) =>
      i > 0 && s.polls !== (states[i - 1] as EngineState).polls && s.lastPoll !== null
        ? s.lastPoll.records.map((r) => [r.tuple, r.parts.map((p) => p.flow)])
        : [],
    );
    expect(shipped.map(([, t, f]) => [Number(t), (f as bigint[]).map(Number)])).toEqual(engine);
    expect(shipped).toContainEqual(['poll.readClosed', 1n, [3n, 1n]]);
  });
});
