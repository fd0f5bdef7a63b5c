/**
 * `npm run bench`: the explorer against SPIN on the same bounds, in one run on one machine. For
 * N = 2, 3, 4 flows (C = 1 callout, P = 3 polls; L = 1 as in the Promela model, and L = 4) on
 * original × prefix, original × postfix and deferred-move × postfix it prints the explorer's
 * states, rate and wall time, SPIN's figures for the matching model (`-DN= -DP= -DPOSTFIX= -DFIX=`)
 * when SPIN is installed, and the ratios; then N = 5, what each reduction saves, and how much work
 * split shards repeat. Each explorer run is its own process (`lingering explore --json`), in the
 * isolated environment (docs/environment.md), the world SPIN's model describes.
 *
 * Leaves out: timing assertions (this prints; nothing fails on a slow machine).
 * Options: --quick (N ≤ 3), --max-states M (default 30,000,000 per run), --no-spin.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, int, scriptOptions } from '../cli/args.js';
import type { SpinFigures } from './spinRun.js';
import { runSpin, spinInstalled } from './spinRun.js';

const CLI = fileURLToPath(new URL('../bin/lingering.js', import.meta.url));
const { quick, noSpin, cap } = scriptOptions(
  'bench',
  { quick: { type: 'boolean' }, 'no-spin': { type: 'boolean' }, 'max-states': { type: 'string' } },
  (p) => ({
    quick: flag(p, 'quick'),
    noSpin: flag(p, 'no-spin'),
    cap: int(p, 'max-states', 30_000_000, 1, 2 ** 31 - 1),
  }),
);

interface Ours {
  readonly complete: boolean;
  readonly queueLeft: number;
  readonly distinctStates: number;
  readonly generated: number;
  readonly depth: number;
  readonly wallMs: number;
  readonly statesPerSecond: number;
  readonly violations: readonly { invariant: string; depth: number }[];
  /** The process, start to end (Node and tsx start-up included). */
  readonly processSeconds: number;
}

/** Runs `lingering <argv> --json` in its own process. */
function lingering(argv: readonly string[]): { json: Record<string, unknown>; seconds: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', CLI, ...argv, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`lingering ${argv.join(' ')}: ${r.stderr.trim()}`);
  return { json: JSON.parse(r.stdout) as Record<string, unknown>, seconds };
}

function explore(
  driver: string,
  agent: string,
  flows: number,
  layers: number,
  extra: readonly string[] = [],
): Ours {
  // SPIN's Promela model has no drain, churn or shared tuples: the isolated environment is its world.
  const { json, seconds } = lingering([
    'explore',
    '--environment',
    'isolated',
    '--driver',
    driver,
    '--agent',
    agent,
    '--flows',
    String(flows),
    '--callouts',
    '1',
    '--polls',
    '3',
    '--layers',
    String(layers),
    '--max-states',
    String(cap),
    ...extra,
  ]);
  return { ...(json as unknown as Ours), processSeconds: seconds };
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const pad = (x: string, w: number) => (x.length >= w ? x : x + ' '.repeat(w - x.length));
const table = (rows: readonly (readonly string[])[]) => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => pad(c, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

const PAIRS = [
  { driver: 'original', agent: 'prefix', spin: '-DPOSTFIX=0 -DFIX=0' },
  { driver: 'original', agent: 'postfix', spin: '-DPOSTFIX=1 -DFIX=0' },
  { driver: 'deferred-move', agent: 'postfix', spin: '-DPOSTFIX=1 -DFIX=1' },
] as const;
const FLOWS = quick ? [2, 3] : [2, 3, 4];

const out = (line = '') => process.stdout.write(`${line}\n`);
const benchStarted = performance.now();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
out(
  `lingering bench: ${cpus().length} CPUs (${cpu}), Node ${process.version}; C=1 callout, P=3 polls, T=1 traffic event per flow; cap ${n(cap)} distinct states per run`,
);
const haveSpin = !noSpin && spinInstalled();
out(
  haveSpin
    ? 'SPIN: bench/spin/run.sh (SPIN 6.5.2 model, L=1, resets only, no traffic)'
    : 'SPIN: not installed (apt-get install -y spin gcc); explorer figures only',
);
out();

// 1. The explorer against SPIN.
const spinMemo = new Map<string, SpinFigures | null>();
const spinFor = (flows: number, defines: string) => {
  const key = `-DN=${flows} -DP=3 ${defines}`;
  if (!spinMemo.has(key)) spinMemo.set(key, haveSpin ? runSpin(key) : null);
  return spinMemo.get(key) ?? null;
};
const rows: string[][] = [
  [
    'pair',
    'L',
    'N',
    'distinct',
    'generated',
    'depth',
    'search s',
    'process s',
    'distinct/s',
    'SPIN states',
    'SPIN pan s',
    'SPIN wall s',
    'SPIN states/s',
    'wall ours/SPIN',
    'rate ours/SPIN',
  ],
];
const notes: string[] = [];
for (const layers of [1, 4]) {
  for (const flows of FLOWS) {
    for (const p of PAIRS) {
      const r = explore(p.driver, p.agent, flows, layers);
      const sp = spinFor(flows, p.spin);
      const mark = r.complete ? '' : ' (cap)';
      rows.push([
        `${p.driver} × ${p.agent}`,
        String(layers),
        String(flows),
        n(r.distinctStates) + mark,
        n(r.generated),
        String(r.depth),
        s(r.wallMs / 1000),
        s(r.processSeconds),
        n(r.statesPerSecond),
        sp === null ? '—' : n(sp.states) + (sp.errors > 0 ? ' (stopped)' : ''),
        sp === null ? '—' : s(sp.panSeconds),
        sp === null ? '—' : s(sp.wallSeconds),
        sp === null ? '—' : n(sp.rate),
        sp === null ? '—' : ratio(r.processSeconds, sp.wallSeconds),
        sp === null ? '—' : ratio(r.statesPerSecond, sp.rate),
      ]);
      out(rows[rows.length - 1]?.join(' | '));
    }
  }
}
notes.push(
  '(cap): stopped at the cap; the figures cover the states stored. (stopped): SPIN stops at its first assertion failure',
  'and explores only part of the space; the explorer goes on to every state and every invariant.',
  'wall ours/SPIN compares whole processes (tsx start-up; spin -a + gcc + pan); rate compares distinct states per second.',
);
out();
out(table(rows));
for (const line of notes) out(line);
out();

// 2. The first violation: SPIN stops at its first assertion failure (failures ≤ closes, i.e.
// RateAtMost100); the explorer with --stop does the same, breadth first, so its trace is a shortest.
const first: string[][] = [
  [
    'N',
    'L',
    'ours: states',
    'ours: trace',
    'ours: search s',
    'ours: process s',
    'SPIN: states',
    'SPIN: depth',
    'SPIN: pan s',
    'SPIN: wall s',
  ],
];
for (const flows of FLOWS) {
  const r = explore('original', 'prefix', flows, 1, ['--stop', '--invariant', 'RateAtMost100']);
  const sp = spinFor(flows, PAIRS[0].spin);
  const v = r.violations.find((x) => x.invariant === 'RateAtMost100');
  first.push([
    String(flows),
    '1',
    n(r.distinctStates),
    v === undefined ? '—' : `${v.depth} events`,
    s(r.wallMs / 1000),
    s(r.processSeconds),
    sp === null ? '—' : n(sp.states),
    sp === null ? '—' : String(sp.violationDepth ?? '—'),
    sp === null ? '—' : s(sp.panSeconds),
    sp === null ? '—' : s(sp.wallSeconds),
  ]);
}
out('original × prefix, to the first violation of failures ≤ closes (RateAtMost100):');
out(table(first));
out();

// 3. N = 5.
if (!quick) {
  // With sleep sets (the default) and with persistent sets (--ample: fewer states, same verdicts).
  for (const extra of [[], ['--ample']] as const) {
    const r = explore('deferred-move', 'postfix', 5, 1, extra);
    out(
      `N=5, L=1, deferred-move × postfix${extra.length > 0 ? ', --ample' : ''}: ${n(r.distinctStates)} distinct states${r.complete ? '' : ' (cap reached)'}, ${s(r.wallMs / 1000)} s search, ${s(r.processSeconds)} s process, ${n(r.statesPerSecond)} states/s`,
    );
  }
  out();
}

// 4. What each reduction saves.
const red: string[][] = [
  [
    'pair',
    'N',
    'L',
    'all on',
    'no symmetry',
    'no minimisation',
    'no POR: generated',
    'POR: generated',
    'POR saves',
  ],
];
for (const p of PAIRS) {
  for (const flows of [2, 3]) {
    const on = explore(p.driver, p.agent, flows, 1);
    // Without minimisation the space is far larger: those runs stop at a third of the cap.
    const noSym = explore(p.driver, p.agent, flows, 1, ['--no-symmetry']);
    const noMin = explore(p.driver, p.agent, flows, 1, [
      '--no-minimise',
      '--max-states',
      String(Math.ceil(cap / 3)),
    ]);
    const noPor = explore(p.driver, p.agent, flows, 1, ['--no-por']);
    red.push([
      `${p.driver} × ${p.agent}`,
      String(flows),
      '1',
      `${n(on.distinctStates)} in ${s(on.wallMs / 1000)} s`,
      `${n(noSym.distinctStates)}${noSym.complete ? '' : ' (cap)'} (${noSym.complete ? '' : '≥ '}${ratio(noSym.distinctStates, on.distinctStates)}) in ${s(noSym.wallMs / 1000)} s`,
      `${n(noMin.distinctStates)}${noMin.complete ? '' : ' (cap)'} (${noMin.complete ? '' : '≥ '}${ratio(noMin.distinctStates, on.distinctStates)}) in ${s(noMin.wallMs / 1000)} s`,
      `${n(noPor.generated)} in ${s(noPor.wallMs / 1000)} s`,
      `${n(on.generated)} in ${s(on.wallMs / 1000)} s`,
      `${(100 * (1 - on.generated / noPor.generated)).toFixed(0)}% of steps`,
    ]);
  }
}
out('What each reduction saves (same verdicts and shortest traces in every column):');
out(table(red));
out();

// 5. Shards: how much work they repeat.
const dir = mkdtempSync(join(tmpdir(), 'lingering-bench-'));
const shardRows: string[][] = [
  [
    'pair',
    'N',
    'shards',
    'distinct (merged)',
    'stored by the shards',
    'repeated',
    'longest shard s',
    'all shards s',
    'unsplit s',
  ],
];
// Shards run one after another here; on separate machines the split search takes the longest one.
for (const p of [PAIRS[2], PAIRS[0]]) {
  const whole = explore(p.driver, p.agent, 3, 1);
  for (const count of [2, 4]) {
    const files = Array.from({ length: count }, (_, i) =>
      join(dir, `${p.driver}-${count}-${i + 1}.fp`),
    );
    files.forEach((f, i) =>
      explore(p.driver, p.agent, 3, 1, ['--shard', `${i + 1}/${count}`, '--fingerprints', f]),
    );
    const m = lingering(['merge', ...files]).json as {
      distinctStates: number;
      storedStates: number;
      repeated: number;
      wallMs: number;
      cpuMs: number;
    };
    shardRows.push([
      `${p.driver} × ${p.agent}`,
      '3',
      String(count),
      `${n(m.distinctStates)}${m.distinctStates === whole.distinctStates ? ' (= unsplit)' : ' (≠ unsplit!)'}`,
      n(m.storedStates),
      `${n(m.repeated)} (${((100 * m.repeated) / m.distinctStates).toFixed(0)}%)`,
      s(m.wallMs / 1000),
      s(m.cpuMs / 1000),
      s(whole.wallMs / 1000),
    ]);
  }
}
rmSync(dir, { recursive: true, force: true });
out('Split searches (explore --shard i/n, then merge), L=1:');
out(table(shardRows));
out();
out(`bench finished in ${s((performance.now() - benchStarted) / 1000)} s`);
