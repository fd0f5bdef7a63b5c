/**
 * `lingering audit` (history/): the fixtures' verdicts, the witnesses, both input shapes, files
 * joined in order, bad input in one line, and the audit agreeing with the engine's own verdicts
 * over generated runs. (Here rather than in history/ because vitest and tsc include cli/.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totalFailures } from '../engine/agent/tcpFailures.js';
import { agentVariants } from '../engine/agent/variants/index.js';
import { closeOutRun } from '../engine/closeOut.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import type { ConnectionSummary } from '../history/AuditReport.js';
import { auditHistory } from '../history/auditHistory.js';
import type { HistoryRecord } from '../history/History.js';
import { historyOfStates } from '../history/fromEngine.js';
import { agentPayloadsOf } from '../history/fromEngine.js';
import { FIXTURES, FIXTURES_DIR, fixtureText, PRODUCTION } from '../history/makeFixtures.js';
import { parseHistory } from '../history/parseHistory.js';
import { sumWitness, twiceClosedWitness } from '../history/witness.js';
import { eventToJson } from '../engine/events.js';
import { judge } from '../invariants/checkTrace.js';
import { seq, seqStates } from '../engine/seq.js';
import { hideAllFailures, silentPostfix } from '../checking/fixtures/brokenAgents.js';
import { moveTwice } from '../checking/fixtures/brokenDrivers.js';
import { matrixRuns } from '../checking/matrix.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

const SEED = 20261208;
const LINGERING = 'history/fixtures/lingering.jsonl';
const MIXED = 'history/fixtures/lingering-mixed.jsonl';
const CLEAN = 'history/fixtures/clean.json';
const PR = 'counterexamples/pr-50823-three-polls.json';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

const tmp = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'lingering-audit-')), name);
  writeFileSync(file, text);
  return file;
};

type Json = {
  claims: {
    name: string;
    verdict: string;
    violations: { subject: string; poll: number; witness: { polls: number[] } }[];
  }[];
};
const claim = (report: Json, name: string) => report.claims.find((c) => c.name === name);

describe(`lingering audit (seed ${SEED})`, () => {
  it('exits 2 with one line saying what files it reads when given none', async () => {
    const r = await run('audit');
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'lingering: audit: got no FILE; allowed: one or more files, each a /network_tracer/connections payload ({"conns": [...]}), an array or JSON lines of them, or a `lingering replay --json` report\n',
    );
  });

  it('exits 1 on the lingering history and names the connection, the polls and the broken claims', async () => {
    const r = await run('audit', LINGERING);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '✗ FailuresWithinCloses — tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443: 2 failures shipped, 1 close, by poll 2 (polls 1, 2)',
    );
    expect(r.stdout).toContain(
      '✗ RateAtMost100 — backend: 2 failures over 1 close by poll 2: rate 200%',
    );
    expect(r.stdout).toContain(
      '✗ NoLingeringReReport — tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443: closed at poll 1, shipped again at poll 2 with failures {104:1} and no close',
    );
    expect(r.stdout).toContain('✓ CloseReportedOnce');
    expect(r.stderr).toBe('');
  });

  it('exits 0 on the clean history', async () => {
    const r = await run('audit', CLEAN);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('✗');
    expect(r.stdout).toMatch(
      /5 polls, 6 records, 3 connections; backend 1 failure \/ 2 closes = 50%/,
    );
  });

  it('reports minimal witnesses as data with --json', async () => {
    const r = await run('audit', MIXED, '--json');
    const report = JSON.parse(r.stdout) as Json & {
      connections: { label: string; closes: number; failures: number; violated: string[] }[];
    };
    expect(r.status).toBe(1);
    // Flow 1's close at poll 2 ships its failure too, so the re-report at poll 3 alone tips it.
    expect(
      claim(report, 'FailuresWithinCloses')?.violations.map((v) => [v.poll, v.witness.polls]),
    ).toEqual([[3, [3]]]);
    // The rate must keep flow 2's clean close (it helps the claim) and needs both re-reports.
    expect(
      claim(report, 'RateAtMost100')?.violations.map((v) => [v.poll, v.witness.polls]),
    ).toEqual([[4, [3, 4]]]);
    expect(claim(report, 'NoLingeringReReport')?.violations.map((v) => v.witness.polls)).toEqual([
      [2, 3],
    ]);
    expect(
      report.connections.map((c) => [c.label.split(' ').at(-3), c.closes, c.failures, c.violated]),
    ).toEqual([
      ['10.0.0.5:50001', 1, 4, ['FailuresWithinCloses', 'NoLingeringReReport']],
      ['10.0.0.5:50002', 1, 0, []],
      ['10.0.0.5:50003', 0, 0, []],
    ]);
  });

  it('joins files in the order given: one payload per file is one history', async () => {
    const lines = readFileSync(LINGERING, 'utf8').trim().split('\n');
    const files = lines.map((l, i) => tmp(`poll-${i + 1}.json`, l));
    const report = JSON.parse((await run('audit', ...files, '--json')).stdout) as Json & {
      polls: number;
    };
    expect(report.polls).toBe(3);
    expect(claim(report, 'NoLingeringReReport')?.violations[0]?.witness.polls).toEqual([1, 2]);
  });

  it('names every file, in order, in the first line of the text', async () => {
    const lines = readFileSync(LINGERING, 'utf8').trim().split('\n');
    const files = lines.map((l, i) => tmp(`poll-${i + 1}.json`, l));
    const r = await run('audit', ...files);
    expect(r.stdout.split('\n')[0]).toBe(
      `audit ${files.join(' ')}: 3 polls, 3 records, 1 connection; backend 3 failures / 1 close = 300%`,
    );
  });

  it('reads a replay report as a history, connection by tuple', async () => {
    const prefix = tmp('prefix.json', (await run('replay', PR, '--json')).stdout);
    const postfix = tmp(
      'postfix.json',
      (await run('replay', PR, '--agent', 'postfix', '--json')).stdout,
    );
    const r = await run('audit', prefix);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '✗ FailuresWithinCloses — connection 1: 2 failures shipped, 1 close, by poll 2',
    );
    expect((await run('audit', postfix)).status).toBe(0);
  });

  it('agrees with the audit of the same run read from the payload fixture', () => {
    const fromPayloads = auditHistory(parseHistory([LINGERING], [readFileSync(LINGERING, 'utf8')]));
    const verdicts = fromPayloads.claims.map((c) => [
      c.name,
      c.verdict,
      c.violations.map((v) => v.poll),
    ]);
    expect(verdicts).toEqual([
      ['FailuresWithinCloses', 'violated', [2]],
      ['RateAtMost100', 'violated', [2]],
      ['CloseReportedOnce', 'holds', []],
      ['NoUnderflowLeak', 'holds', []],
      ['NoLingeringReReport', 'violated', [2]],
    ]);
  });

  it.each(FIXTURES.map((f) => [f.file, f] as const))(
    'keeps %s as the generator writes it',
    (_, f) => {
      expect(readFileSync(`${FIXTURES_DIR}${f.file}`, 'utf8')).toBe(fixtureText(f));
    },
  );

  it.each([
    [['audit'], /audit: got no FILE/],
    [['audit', 'missing.jsonl'], /missing\.jsonl: got no such file/],
    [['audit', LINGERING, '--frob'], /audit option: got "--frob"/],
    [['audit', '@not-json'], /not-json:1: got invalid JSON/],
    [['audit', '@empty-array'], /empty-array\.json: got an empty array/],
    [
      ['audit', '@neither'],
      /neither\.json: got \{"foo":1\}; allowed: a \/network_tracer\/connections payload/,
    ],
    [
      ['audit', '@negative-close'],
      /negative-close\.jsonl:2: conns\[0\]\.lastTcpClosed: got -1; allowed: at least 0/,
    ],
    [['audit', '@bad-bytes'], /bad-bytes\.json: conns\[0\]\.lastBytesSent: got "12x"/],
    [
      ['audit', '@no-laddr'],
      /no-laddr\.json: conns\[0\]\.laddr: got nothing \(the field is missing\)/,
    ],
    [
      ['audit', '@bad-errno'],
      /bad-errno\.json: conns\[0\]\.tcpFailuresByErrCode: got the key "reset"; allowed: errno keys that are decimal integers/,
    ],
    [
      ['audit', '@bad-report'],
      /bad-report\.json: polls\[0\]\.records\[0\]\.lastTCPClosed: got "1"; allowed: a value of type number/,
    ],
    [['audit', '@array-of-other'], /array-of-other\.json\[1\]: got 7; allowed: a payload object/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    // Arrange: `@name` stands for a small bad file written for the case.
    const conn = (extra: object) => ({
      pid: 1,
      laddr: { ip: 'a', port: 1 },
      raddr: { ip: 'b', port: 2 },
      ...extra,
    });
    const bad: Record<string, [string, string]> = {
      '@not-json': ['not-json', '{"conns": [\n'],
      '@empty-array': ['empty-array.json', '[]'],
      '@neither': ['neither.json', '{"foo":1}'],
      '@negative-close': [
        'negative-close.jsonl',
        `{"conns":[]}\n${JSON.stringify({ conns: [conn({ lastTcpClosed: -1 })] })}\n`,
      ],
      '@bad-bytes': ['bad-bytes.json', JSON.stringify({ conns: [conn({ lastBytesSent: '12x' })] })],
      '@no-laddr': [
        'no-laddr.json',
        JSON.stringify({ conns: [{ pid: 1, raddr: { ip: 'b', port: 2 } }] }),
      ],
      '@bad-errno': [
        'bad-errno.json',
        JSON.stringify({ conns: [conn({ tcpFailuresByErrCode: { reset: 1 } })] }),
      ],
      '@bad-report': [
        'bad-report.json',
        JSON.stringify({
          driver: 'original',
          agent: 'prefix',
          polls: [
            {
              poll: 1,
              client: 1,
              records: [
                {
                  flow: 1,
                  cookie: 1,
                  lastTCPClosed: '1',
                  tcpFailures: {},
                  lastSentBytes: 0,
                  lastRecvBytes: 0,
                },
              ],
            },
          ],
        }),
      ],
      '@array-of-other': ['array-of-other.json', JSON.stringify([{ conns: [] }, 7])],
    };
    const args = argv.map((a) => (bad[a] ? tmp(...bad[a]) : a));
    // Act
    const r = await run(...args);
    // Assert
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

const rec = (poll: number, lastTcpClosed: number, failureCount: number): HistoryRecord => ({
  poll,
  client: '1',
  connection: 'c',
  label: 'c',
  lastTcpClosed,
  failures: failureCount > 0 ? { '104': failureCount } : {},
  failureCount,
  lastBytesSent: 1,
  lastBytesReceived: 0,
  source: 's',
});

describe('witnesses', () => {
  it('keeps every record that ships more closes than failures, then the largest excess first', () => {
    const w = sumWitness([rec(1, 1, 0), rec(2, 0, 1), rec(3, 1, 1), rec(4, 0, 2), rec(5, 0, 1)]);
    expect(w?.polls).toEqual([1, 4]);
    expect([w?.failures, w?.closes]).toEqual([2, 1]);
  });

  it('finds none when the closes cover the failures', () => {
    expect(sumWitness([rec(1, 1, 1), rec(2, 1, 0), rec(3, 0, 1)])).toBeNull();
  });

  it('shows a double close with the fewest records', () => {
    expect(twiceClosedWitness([rec(1, 1, 0), rec(2, 0, 0), rec(3, 1, 0)])?.polls).toEqual([1, 3]);
    expect(twiceClosedWitness([rec(1, 1, 0), rec(2, 2, 0)])?.polls).toEqual([2]);
  });
});

/** The engine's run, with its close-out, as the audit sees it; and the engine's own verdicts. */
function both(config: EngineConfig, states: readonly EngineState[]) {
  const verdicts = judge(config, states);
  const verdict = (name: string) => verdicts.verdicts.find((v) => v.invariant.name === name);
  const tail = closeOutRun(states[states.length - 1] as EngineState).states;
  const all = [...states, ...tail];
  const audit = auditHistory(historyOfStates(all, 'run'));
  const auditOf = (name: string) => audit.claims.find((c) => c.name === name);
  return { verdict, states, all, audit: auditOf, report: audit, quiescent: verdicts.quiescent };
}

describe(`the audit of an engine run agrees with the engine (seed ${SEED})`, () => {
  // The registered designs, and broken ones so that every claim is also seen violated, over runs
  // of the production environment (tuple reuse, the drain, client churn: docs/environment.md).
  const pairs = fc.tuple(
    fc.constantFrom(...driverVariants, moveTwice),
    fc.constantFrom(...agentVariants, hideAllFailures, silentPostfix),
    fc.constantFrom(1, 2),
  );
  const runs = pairs.chain(([driver, agent, clients]) => {
    const config: EngineConfig = { driver, agent, layers: 4, clients };
    return matrixRuns(config).map((run) => ({ config, run }));
  });

  it('on FailuresWithinCloses, RateAtMost100, the close-once claim and the re-report signature', () => {
    const seen = new Map<string, number>();
    // fc.assert, not it.prop: after the runs, the test checks what they covered (not vacuous).
    fc.assert(
      fc.property(runs, ({ config, run }) => {
        const { verdict, states, all, audit, quiescent } = both(config, run.states);
        // Safety claims: same verdict, and the audit's first poll is the engine's first step's poll.
        for (const name of ['FailuresWithinCloses', 'RateAtMost100']) {
          const engine = verdict(name);
          const mine = audit(name);
          // The audit also sees the close-out's polls; judge the engine on them too.
          const closeOutBreak = judge(config, all, engine ? [engine.invariant] : []).verdicts[0];
          expect(mine?.verdict).toBe(closeOutBreak?.verdict);
          if (engine?.verdict === 'violated') {
            const first = Math.min(...(mine?.violations.map((v) => v.poll) ?? []));
            expect(first).toBe((states[engine.step ?? 0] as EngineState).polls);
          }
        }
        // Close once: payloads show the "at most" half of the engine's "exactly once", per tuple
        // as the backend keys connections. A tuple two flows used, or a close re-shipped to a
        // client re-created after it expired, is closed twice to the backend but not to the
        // engine's per-flow, per-session invariant (docs/environment.md).
        const twice = quiescent.backends.flatMap((b) =>
          Object.entries(b.connections)
            .filter(([, t]) => t.closes > 1)
            .map(([tuple]) => Number(tuple)),
        );
        expect(audit('CloseReportedOnce')?.verdict === 'violated').toBe(twice.length > 0);
        const churn = run.events.some((e) => e.type === 'clientExpire');
        const shared = (tuple: number) =>
          quiescent.driver.flows.filter((f) => f !== undefined && f.tuple === tuple).length > 1;
        if (!churn && twice.some((t) => !shared(t)))
          expect(verdict('CloseReportedOnce')?.verdict).toBe('violated');
        // The re-report signature: a shipped record after a shipped close, with failures, no close.
        const reReport = all.some(
          (s, i) =>
            i > 0 &&
            s.lastPoll !== null &&
            s.lastPoll !== (all[i - 1] as EngineState).lastPoll &&
            s.lastPoll.records.some(
              (r) =>
                r.closesBefore > 0 && r.lastTCPClosed === 0 && totalFailures(r.tcpFailures) > 0,
            ),
        );
        expect(audit('NoLingeringReReport')?.verdict === 'violated').toBe(reReport);
        for (const name of [
          'FailuresWithinCloses',
          'RateAtMost100',
          'CloseReportedOnce',
          'NoLingeringReReport',
        ]) {
          const key = `${name} ${audit(name)?.verdict}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
    // Not vacuous: every claim was seen both holding and violated.
    for (const name of [
      'FailuresWithinCloses',
      'RateAtMost100',
      'CloseReportedOnce',
      'NoLingeringReReport',
    ]) {
      expect(seen.get(`${name} holds`) ?? 0).toBeGreaterThan(0);
      expect(seen.get(`${name} violated`) ?? 0).toBeGreaterThan(0);
    }
  });

  it("sees the backend's connections: one per client and tuple, with the backend's sums", () => {
    const seen = { shared: 0, drained: 0, churned: 0 };
    // fc.assert, not it.prop: after the runs, the test checks what they covered (not vacuous).
    fc.assert(
      fc.property(runs, ({ config, run }) => {
        const { report, quiescent } = both(config, run.states);
        const mine = report.connections.map((c) => [c.client, c.connection, c.closes, c.failures]);
        const backend = quiescent.backends.flatMap((b, i) =>
          Object.entries(b.connections).map(([tuple, t]) => [
            String(i + 1),
            `tuple ${tuple}`,
            t.closes,
            t.failures,
          ]),
        );
        const key = (r: readonly unknown[]) => `${String(r[0])} ${String(r[1])}`;
        expect([...mine].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          [...backend].sort((a, b) => key(a).localeCompare(key(b))),
        );
        if (report.connections.some((c) => c.flows.length > 1)) seen.shared++;
        if (run.events.some((e) => e.type === 'drain')) seen.drained++;
        if (run.events.some((e) => e.type === 'clientExpire')) seen.churned++;
      }),
      { seed: SEED, numRuns: 150 },
    );
    // Not vacuous: the runs reused tuples, drained and expired clients.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});

/** A trace file of `text` (the DSL of engine/seq.ts) under original × prefix. */
const traceFile = (name: string, text: string): string =>
  tmp(
    name,
    JSON.stringify({
      format: 'lingering-trace/v1',
      driver: 'original',
      agent: 'prefix',
      events: seq(text).map(eventToJson),
    }),
  );

type Report = Json & { connections: ConnectionSummary[] };

/** `replay FILE --json`, then `audit` of the report. */
async function auditOfReplay(
  text: string,
): Promise<{ status: number; stdout: string; report: Report }> {
  const trace = traceFile('trace.json', text);
  const replay = await run('replay', trace, '--json');
  expect([replay.status, replay.stderr]).toEqual([0, '']);
  const file = tmp('report.json', replay.stdout);
  const r = await run('audit', file);
  return { ...r, report: JSON.parse((await run('audit', file, '--json')).stdout) as Report };
}

const ORIGINAL_PREFIX: EngineConfig = {
  driver: driverVariants.find((d) => d.name === 'original')!,
  agent: agentVariants.find((a) => a.name === 'prefix')!,
  layers: 4,
  clients: 1,
};

describe('lingering audit of the production environment (docs/environment.md)', () => {
  it('reads a replay report with tuple reuse, the drain and churn: one connection per tuple, the backend sums', async () => {
    // Act
    const { status, stdout, report } = await auditOfReplay(PRODUCTION);
    // Assert: flows 1 and 3 share tuple 1, one connection with the backend's sums.
    const backend = seqStates(ORIGINAL_PREFIX, PRODUCTION).at(-1)!.backends[0]!;
    expect(report.connections.map((c) => [c.label, c.flows, c.closes, c.failures])).toEqual([
      ['connection 1', [1, 3], backend.connections[1]?.closes, backend.connections[1]?.failures],
      ['connection 2', [2], backend.connections[2]?.closes, backend.connections[2]?.failures],
    ]);
    expect(backend.connections).toEqual({
      1: { closes: 3, failures: 3 },
      2: { closes: 1, failures: 0 },
    });
    expect(status).toBe(1);
    expect(stdout).toContain(
      '✗ CloseReportedOnce — connection 1: shipped closed 2 times (polls 2, 4; flow 1)',
    );
    expect(stdout).toContain('+0 B received  flow 1  (');
    expect(stdout).toContain('connection 1 (flows 1, 3)');
  });

  it('agrees with the audit of the same run read as payloads, where the tuple is the address', async () => {
    const { report } = await auditOfReplay(PRODUCTION);
    const payloads = auditHistory(
      parseHistory(['production.jsonl'], [readFileSync(`${FIXTURES_DIR}production.jsonl`, 'utf8')]),
    );
    type Claims = readonly {
      name: string;
      verdict: string;
      violations: readonly { witness: { polls: readonly number[] } }[];
    }[];
    const verdicts = (claims: Claims) =>
      claims.map((c) => [c.name, c.verdict, c.violations.map((v) => v.witness.polls)]);
    expect(verdicts(payloads.claims)).toEqual(verdicts(report.claims));
    expect(payloads.connections.map((c) => [c.label.split(' ')[4], c.closes, c.failures])).toEqual(
      report.connections.map((c, i) => [`10.0.0.5:${50001 + i}`, c.closes, c.failures]),
    );
  });

  it("agrees with the engine on the drain's race: the close ships twice to one client session", async () => {
    const race = 'e1 r1 p fd1*4 d.read p d.store p';
    const { report } = await auditOfReplay(race);
    expect(claim(report, 'CloseReportedOnce')?.violations.map((v) => [v.subject, v.poll])).toEqual([
      ['connection 1', 3],
    ]);
    const engine = judge(ORIGINAL_PREFIX, seqStates(ORIGINAL_PREFIX, race));
    expect(engine.verdicts.find((v) => v.invariant.name === 'CloseReportedOnce')?.verdict).toBe(
      'violated',
    );
  });

  it('keeps the clients of a report apart, each against its own backend', async () => {
    const { report } = await auditOfReplay('e1 t1 p@1 p@2 ce1 r1 fd1*4 p@2 t1 p@1 t1 p@1');
    expect(report.connections.map((c) => [c.client, c.label, c.closes, c.failures])).toEqual([
      ['1', 'connection 1', 1, 2],
      ['2', 'connection 1', 1, 1],
    ]);
    expect(claim(report, 'RateAtMost100')?.violations.map((v) => v.subject)).toEqual([
      'backend of client 1',
    ]);
  });

  it("reads a report written before records had a tuple: each record is its cookie's connection", async () => {
    const replay = await run('replay', PR, '--json');
    const old = JSON.parse(replay.stdout) as { polls: { records: Record<string, unknown>[] }[] };
    for (const p of old.polls)
      for (const r of p.records) {
        delete r.tuple;
        delete r.flows;
      }
    const r = await run('audit', tmp('old.json', JSON.stringify(old)));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ FailuresWithinCloses — connection 1: 2 failures shipped');
  });

  it('writes each tuple as one address in the payloads: flows of one tuple are one connection', () => {
    const payloads = agentPayloadsOf(seqStates(ORIGINAL_PREFIX, 'e1 r1 fd1*4 p e2@1 r2 p'));
    const ports = payloads.map((p) => p.conns.map((c) => (c.laddr as { port: number }).port));
    expect(ports).toEqual([[50001], [50001]]);
  });
});

describe('lingering audit: each field within its own range (checking/fixtures/bad/audit-*.jsonl)', () => {
  const BAD = 'checking/fixtures/bad/';
  const UINT64 =
    'a uint64: a decimal string (or a number) from 0 to 18446744073709551615 (2^64 − 1)';
  it.each([
    [
      'audit-errno-proto.jsonl',
      'tcpFailuresByErrCode: got the key "__proto__"; allowed: errno keys',
    ],
    ['audit-errno-constructor.jsonl', 'got the key "constructor"; allowed: errno keys'],
    ['audit-errno-key-too-big.jsonl', 'got the key "4294967296"; allowed: errno keys'],
    ['audit-errno-count-too-big.jsonl', '.104: got 4294967296; allowed: at most 4294967295'],
    ['audit-pid-2p53.jsonl', 'conns[0].pid: got 9007199254740992; allowed: at most 2147483647'],
    ['audit-port-1e308.jsonl', 'conns[0].laddr.port: got 1e+308; allowed: at most 65535'],
    ['audit-closed-1e308.jsonl', 'lastTcpClosed: got 1e+308; allowed: at most 4294967295'],
    [
      'audit-bytes-sum-past-2p53.jsonl',
      ':2: tcp v4 pid 1 10.0.0.5:50001 → 10.0.0.9:443: got 9007199254740000 more bytes sent on top of 9007199254740000, past 2^53 − 1; allowed: at most 9007199254740991',
    ],
    [
      'audit-bytes-2p64.jsonl',
      `conns[0].lastBytesSent: got "18446744073709551616"; allowed: ${UINT64}`,
    ],
    ['audit-bytes-minus-1.jsonl', `conns[0].lastBytesSent: got "-1"; allowed: ${UINT64}`],
    // Not wrapped (below 2^63), and past what a total may hold: refused, as before wraps were read.
    [
      'audit-bytes-2p63-minus-1.jsonl',
      'conns[0].lastBytesReceived: got "9223372036854775807"; allowed: a count below 2^53',
    ],
  ])('refuses %s in one line, naming the real limit', async (file, message) => {
    const r = await run('audit', `${BAD}${file}`);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`lingering: ${BAD}${file}`);
    expect(r.stderr).toContain(message);
  });
});

describe('lingering audit: a wrapped uint64 counter is a NoUnderflowLeak finding', () => {
  const TUPLE = {
    pid: 1,
    laddr: { ip: '10.0.0.5', port: 50001 },
    raddr: { ip: '10.0.0.9', port: 443 },
    type: 'tcp',
    family: 'v4',
    direction: 'outgoing',
  };
  const LABEL = 'tcp v4 pid 1 10.0.0.5:50001 → 10.0.0.9:443';
  /** JSON lines: 100 bytes sent, then `last` (uint64 decimal strings) on the same connection. */
  const history = (last: Record<string, string>): string =>
    tmp(
      'history.jsonl',
      [{ lastBytesSent: '100' }, last]
        .map((l) => `${JSON.stringify({ conns: [{ ...TUPLE, ...l }] })}\n`)
        .join(''),
    );
  type Finding = {
    claim: string;
    connection: string;
    subject: string;
    poll: number;
    detail: string;
    witness: { polls: number[]; records: { underflows?: unknown[] }[] };
  };
  type Underflows = {
    claims: { name: string; verdict: string; violations: Finding[] }[];
    connections: ConnectionSummary[];
  };
  const leak = (report: Underflows) => report.claims.find((c) => c.name === 'NoUnderflowLeak');

  it('exits 1 naming the connection, the field, its raw value and the difference it stands for', async () => {
    // Arrange: 2^64 − 1 is a difference of −1 that wrapped.
    const file = history({ lastBytesSent: '18446744073709551615' });
    // Act
    const r = await run('audit', file);
    // Assert
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toContain(
      `✗ NoUnderflowLeak — ${LABEL}: lastBytesSent "18446744073709551615" at poll 2: 18446744073709551615 − 2^64 = −1 bytes, a uint64 difference that wrapped (counted as 0)`,
    );
    expect(r.stdout).toContain(
      `      poll 2  lastTcpClosed 0  tcpFailuresByErrCode {}  +0 B sent (shipped 18446744073709551615: −1 B, wrapped)  +0 B received  (${file}:2)`,
    );
    // The other claims still hold: the wrapped bytes count as 0, so the total stays 100.
    for (const name of ['FailuresWithinCloses', 'RateAtMost100', 'CloseReportedOnce'])
      expect(r.stdout).toContain(`✓ ${name}\n`);
    expect(r.stdout).toMatch(/10\.0\.0\.9:443 {2}2 +1–2 +0 +0 +100 +0 +✗ NoUnderflowLeak\n/);
  });

  it('gives the finding as data with --json, the witness record carrying the raw value', async () => {
    const file = history({ lastBytesSent: '18446744073709551615' });
    const r = await run('audit', file, '--json');
    const report = JSON.parse(r.stdout) as Underflows;
    expect(r.status).toBe(1);
    expect(report.claims.map((c) => c.name)).toEqual([
      'FailuresWithinCloses',
      'RateAtMost100',
      'CloseReportedOnce',
      'NoUnderflowLeak',
      'NoLingeringReReport',
    ]);
    expect(leak(report)?.verdict).toBe('violated');
    expect(leak(report)?.violations).toHaveLength(1);
    const [v] = leak(report)?.violations as [Finding];
    expect([v.claim, v.subject, v.poll, v.witness.polls]).toEqual([
      'NoUnderflowLeak',
      LABEL,
      2,
      [2],
    ]);
    expect(v.connection).toBe(`${LABEL} outgoing ns 0`);
    expect(v.witness.records.map((x) => x.underflows)).toEqual([
      [{ field: 'lastBytesSent', value: '18446744073709551615', difference: '-1' }],
    ]);
    expect(report.connections.map((c) => [c.bytesSent, c.violated])).toEqual([
      [100, ['NoUnderflowLeak']],
    ]);
  });

  it('reports each wrapped counter: both fields of one record, from 2^63 (int64 −2^63) up', async () => {
    const file = history({
      lastBytesSent: '9223372036854775808',
      lastBytesReceived: '18446744073709551614',
    });
    const report = JSON.parse((await run('audit', file, '--json')).stdout) as Underflows;
    expect(leak(report)?.violations.map((v) => v.detail)).toEqual([
      'lastBytesSent "9223372036854775808" at poll 2: 9223372036854775808 − 2^64 = −9223372036854775808 bytes, a uint64 difference that wrapped (counted as 0)',
      'lastBytesReceived "18446744073709551614" at poll 2: 18446744073709551614 − 2^64 = −2 bytes, a uint64 difference that wrapped (counted as 0)',
    ]);
  });

  it('reads a count up to 2^53 − 1 exactly, as before, and holds', async () => {
    const file = history({ lastBytesReceived: '9007199254740991' });
    const r = await run('audit', file, '--json');
    const report = JSON.parse(r.stdout) as Underflows;
    expect(r.status).toBe(0);
    expect(leak(report)?.verdict).toBe('holds');
    expect(report.connections.map((c) => [c.bytesSent, c.bytesReceived])).toEqual([
      [100, 9007199254740991],
    ]);
  });
});
