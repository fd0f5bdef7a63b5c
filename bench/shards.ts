/**
 * Split searches: `explore --shard i/n --fingerprints FILE` for n = 2 and 4, then `merge`, at
 * N = 3, L = 1: the merged distinct count against the unsplit one, and how much work the shards
 * repeat. Shards run one after another here; on separate machines a split search takes its
 * longest shard.
 *
 * Leaves out: running shards in parallel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './benchSettings.js';
import { pairName, PAIRS } from './benchSettings.js';
import { explore, figures, lingering } from './explorerRun.js';
import { n, out, s, table } from './tables.js';

const HEADER = [
  ...['pair', 'N', 'shards', 'distinct (merged)', 'stored by the shards', 'repeated'],
  ...['longest shard s', 'all shards s', 'unsplit s'],
];

/** What `merge --json` reports that the bench reads. */
interface Merged {
  readonly distinctStates: number;
  readonly storedStates: number;
  readonly repeated: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Runs and prints the table. */
export function shards(b: Bench): void {
  const dir = mkdtempSync(join(tmpdir(), 'lingering-bench-'));
  const rows = [HEADER];
  try {
    for (const p of [PAIRS[2], PAIRS[0]]) {
      const request = { driver: p.driver, agent: p.agent, flows: 3, layers: 1, cap: b.cap };
      // Shards search once, judging every invariant: so must the unsplit search they are held to.
      const unsplit = { ...request, extra: ['--no-restart'] };
      const whole = figures(explore(unsplit, b.maxSeconds), `${pairName(p)} N=3`);
      for (const count of [2, 4]) {
        const files = Array.from({ length: count }, (_, i) =>
          join(dir, `${p.driver}-${count}-${i + 1}.fp`),
        );
        files.forEach((f, i) => {
          const extra = ['--shard', `${i + 1}/${count}`, '--fingerprints', f];
          figures(explore({ ...request, extra }, b.maxSeconds), `shard ${i + 1}/${count}`);
        });
        const m = figures(lingering<Merged>(['merge', ...files], b.maxSeconds), 'merge');
        rows.push([
          pairName(p),
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out('Split searches (explore --shard i/n, then merge), L=1:');
  out(table(rows));
  out();
}
