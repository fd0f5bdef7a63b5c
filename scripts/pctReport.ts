/**
 * `npm run pct-report`: for every cell the isolated environment violates (checking/manifest.json),
 * the runs to the first violation under the uniform generator and under PCT, median over seeds
 * 1..N, as a table (checking/pct/pctReport.ts; PCT runs only in the isolated environment).
 * Options: `--seeds N` (20), `--runs CAP` (1000 per seed and scheduler), `--depth D` or
 * `--depth 2,3` (one PCT column per depth; 2), `--json`. A seed that finds nothing within the cap
 * counts as more than the cap.
 */
import { readManifest } from '../checking/manifest.js';
import { formatPctReport, pctReport, violatedCells } from '../checking/pct/pctReport.js';
import { flag, int, ints, scriptOptions } from '../cli/args.js';

const { seeds, runs, depths, json } = scriptOptions(
  {
    name: 'pct-report',
    purpose: 'runs to the first violation, uniform against pct',
    options: {
      seeds: { kind: 'int', value: 'N', min: 1, max: 10_000, default: 20, help: 'seeds per cell' },
      runs: {
        kind: 'int',
        value: 'N',
        min: 1,
        max: 1_000_000,
        default: 1000,
        help: 'cap per seed',
      },
      depth: {
        kind: 'int',
        value: 'D',
        list: true,
        min: 1,
        max: 10,
        default: 2,
        help: "pct's bug depths",
      },
      json: { kind: 'flag', help: 'print the result as JSON' },
    },
  },
  (p) => ({
    seeds: int(p, 'seeds'),
    runs: int(p, 'runs'),
    depths: ints(p, 'depth', [2]),
    json: flag(p, 'json'),
  }),
);
const cells = violatedCells(readManifest().environments.isolated?.pairs ?? {});
const started = Date.now();
const rows = pctReport({
  seeds,
  runs,
  depths,
  cells,
  onPair: (pair) => process.stderr.write(`${pair} …\n`),
});
if (json) process.stdout.write(`${JSON.stringify({ seeds, runs, depths, rows }, null, 2)}\n`);
else {
  process.stdout.write(
    `runs to the first violation, lower median of seeds 1–${seeds} (cap ${runs} runs per seed and scheduler; (k/n) when only k of n seeds found it)\n\n`,
  );
  process.stdout.write(formatPctReport(rows, runs, depths));
  process.stdout.write(
    `\n${rows.length} violated cells in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}
