/**
 * `tsx scripts/auditBench.ts [--connections 100000,1000000] [--dir DIR]`: writes a history of each
 * size with scripts/bigHistory.ts's generator (history/bigHistory.ts) unless DIR has it, then
 * times `lingering audit FILE` in text mode under GNU time and prints, per size, the seconds and
 * the peak resident memory (history/README.md, "Scale" has the figures).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ints, scriptOptions, str } from '../cli/args.js';
import { bigHistoryLines } from '../history/bigHistory.js';

const { sizes, dir } = scriptOptions(
  {
    name: 'auditBench',
    purpose: 'time lingering audit on generated histories',
    options: {
      connections: {
        kind: 'int',
        value: 'N',
        list: true,
        min: 1,
        max: 10_000_000,
        default: '100000,1000000',
        help: 'connections per history',
      },
      dir: {
        kind: 'text',
        value: 'DIR',
        default: 'the temporary directory',
        help: 'where to write',
      },
    },
  },
  (p) => ({
    sizes: ints(p, 'connections', [100_000, 1_000_000]),
    dir: str(p, 'dir') ?? tmpdir(),
  }),
);

for (const n of sizes) {
  const file = join(dir, `lingering-history-${n}.jsonl`);
  if (!existsSync(file)) {
    const fd = openSync(file, 'w');
    for (const line of bigHistoryLines(n)) writeSync(fd, `${line}\n`);
    closeSync(fd);
  }
  // GNU time's %e (seconds) and %M (peak resident set, KiB) go to stderr, the report to nowhere.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'node', 'bin/lingering.js', 'audit', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 20,
  });
  const [seconds, kib] = (r.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  process.stdout.write(
    `${n} connections: ${seconds ?? '?'} s, peak RSS ${Math.round(Number(kib) / 1024)} MiB (exit ${r.status})\n`,
  );
}
