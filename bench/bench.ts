/**
 * `npm run bench`: the explorer against SPIN on the same bounds, in one run on one machine. For
 * N = 2 to 6 flows (C = 1 callout, P = 3 polls; L = 1 as in the Promela model, and L = 4) on
 * original × prefix, original × postfix and deferred-move × postfix it prints the explorer's
 * states, violated invariants, rate, wall time and peak memory beside SPIN's figures for the
 * matching model (`-DN= -DP= -DPOSTFIX= -DFIX=`, bench/spin/run.sh) when SPIN is installed, and
 * the ratios; then the first violation, the violating pair searched to its end, N = 5 to its end,
 * the explorer's workers, what each reduction saves, and how much work split shards repeat. Each
 * explorer run is its own process (bench/explorerRun.ts), in the isolated environment
 * (docs/environment.md), the world SPIN's model describes.
 *
 * Leaves out: timing assertions (this prints; nothing fails on a slow machine).
 * Options: --quick (N ≤ 3 at L = 1, N = 2 at L = 4 and in the reductions, workers 1 and 2 at
 * N = 3: about a minute), --max-states M (default 30,000,000 per run; a quarter of it at N ≥ 5),
 * --max-seconds S (default 240 per explorer or pan run), --no-spin.
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { flag, int, scriptOptions } from '../cli/args.js';
import type { Bench } from './benchSettings.js';
import { capFor } from './benchSettings.js';
import { firstViolation } from './firstViolation.js';
import { peakMeasurable } from './measure.js';
import { reductions } from './reductions.js';
import { shards } from './shards.js';
import { spinInstalled, spinRunner } from './spinRun.js';
import { n, out, s } from './tables.js';
import { toTheEnd } from './toTheEnd.js';
import { violatingToTheEnd } from './violating.js';
import { vsSpin } from './vsSpin.js';
import { workers } from './workers.js';

/**
 * pan's memory limit (-DMEMLIM, MB). N = 4 needs about 3.7 GB (38 M states of 94 bytes and the
 * hash table), N = 5 about 103 bytes a state for some 1.5 G states: 4 GB ends N = 5 in about
 * 100 s, where 8 GB would take twice that, three times over, beyond the bench's 25 minutes.
 */
const MEMLIM_MB = 4096;

const { quick, noSpin, cap, maxSeconds } = scriptOptions(
  {
    name: 'bench',
    purpose: "the explorer's figures beside SPIN's, written to bench/RESULTS.md",
    options: {
      quick: { kind: 'flag', help: 'the small rows only' },
      'no-spin': { kind: 'flag', help: 'without SPIN' },
      'max-states': {
        kind: 'int',
        value: 'M',
        min: 1,
        max: 2 ** 31 - 1,
        default: 30_000_000,
        help: 'states per search',
      },
      'max-seconds': {
        kind: 'int',
        value: 'S',
        min: 1,
        max: 86_400,
        default: 240,
        help: 'seconds per search',
      },
    },
  },
  (p) => ({
    quick: flag(p, 'quick'),
    noSpin: flag(p, 'no-spin'),
    cap: int(p, 'max-states'),
    maxSeconds: int(p, 'max-seconds'),
  }),
);

const benchStarted = performance.now();
const haveSpin = !noSpin && spinInstalled();
const bench: Bench = {
  quick,
  cap,
  maxSeconds,
  flows: quick ? [2, 3] : [2, 3, 4, 5, 6],
  spin: spinRunner(haveSpin, { memlimMb: MEMLIM_MB, maxSeconds }),
};

const cpu = cpus()[0]?.model ?? 'unknown CPU';
out(
  `lingering bench: ${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; C=1 callout, P=3 polls, T=1 traffic event per flow`,
);
out(
  `explorer: cap ${n(cap)} distinct states per run (${n(capFor(bench, 5))} at N ≥ 5), ${maxSeconds} s per run, Node heap 4096 MB`,
);
out(
  haveSpin
    ? `SPIN: bench/spin/run.sh (SPIN 6.5.2 model, L=1, resets only, no traffic), pan -DMEMLIM=${MEMLIM_MB} MB, ${maxSeconds} s per run`
    : 'SPIN: not run (--no-spin, or not installed: apt-get install -y spin gcc); explorer figures only',
);
out(
  peakMeasurable()
    ? 'peak memory: GNU time (/usr/bin/time -f %M), the resident set of each process'
    : 'peak memory: n/a (no /usr/bin/time: apt-get install -y time)',
);
out();

violatingToTheEnd(vsSpin(bench), maxSeconds);
firstViolation(bench);
if (!quick) toTheEnd(bench);
workers(bench);
reductions(bench);
shards(bench);
out(`bench finished in ${s((performance.now() - benchStarted) / 1000)} s`);
