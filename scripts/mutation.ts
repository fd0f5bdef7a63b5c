/**
 * `npm run mutation`'s first step: Stryker over each mutated directory in turn (engine/,
 * invariants/, history/, render/, cli/), each with an incremental file of its own, and the reports
 * merged into `reports/mutation/merged.json`, which scripts/staticMutants.ts and
 * scripts/mutationScore.ts read. One directory at a time, a run that is stopped keeps what the
 * finished directories found, and `--only DIR` runs one again after its tests change.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { oneOf, scriptOptions } from '../cli/args.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import {
  MERGED_REPORT,
  MUTATED_DIRECTORIES,
  MUTATION_REPORT,
  type MutationReport,
} from './mutationScore.js';

/** Never mutated: the `!` patterns of stryker.config.json's `mutate` (tests, index files, test support). */
const LEFT_OUT = (
  JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] }
).mutate.filter((m) => m.startsWith('!'));

const only = scriptOptions(
  {
    name: 'mutation',
    purpose: 'Stryker over each mutated directory, reports merged',
    options: {
      only: {
        kind: 'choice',
        value: 'DIR',
        values: MUTATED_DIRECTORIES,
        default: 'every directory',
        help: 'run this directory only, keeping the others from the last run',
      },
    },
  },
  (p) => oneOf(p, 'only'),
);

/** A `mutate` pattern as a regular expression: `**` then a slash, any folders; `*`, any part of a name. */
const globRegExp = (glob: string): RegExp => {
  const escaped = glob.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
  const body = escaped
    .replace(/\*\*\//g, '\0')
    .replace(/\*/g, '[^/]*')
    .replaceAll('\0', '(?:.*/)?');
  return new RegExp(`^${body}$`);
};
const LEFT_OUT_RES = LEFT_OUT.map((p) => globRegExp(p.slice(1)));

/**
 * Whether `file` is one the config leaves out: Stryker's incremental run can carry a file's old
 * results into its report after the file was left out (render/parseXml.ts did).
 */
const isLeftOut = (file: string): boolean => LEFT_OUT_RES.some((re) => re.test(file));

const readReport = (file: string): MutationReport =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MutationReport) : { files: {} };

/** The merged report with `dir`'s files replaced by those of Stryker's last report. */
function merge(dir: string): void {
  const merged = readReport(MERGED_REPORT);
  const kept = Object.entries(merged.files).filter(([f]) => !f.startsWith(`${dir}/`));
  const fresh = Object.entries(readReport(MUTATION_REPORT).files).filter(([f]) => !isLeftOut(f));
  const files = { ...Object.fromEntries(kept), ...Object.fromEntries(fresh) };
  atomicWrite(MERGED_REPORT, `${JSON.stringify({ ...merged, files })}\n`);
}

/** The test files vitest.mutation.config.ts gives `dir` (`vitest list`). */
function testFilesOf(dir: string): string[] {
  const r = spawnSync('npx', ['vitest', 'list', '--filesOnly', '-c', 'vitest.mutation.config.ts'], {
    encoding: 'utf8',
    env: { ...process.env, LINGERING_MUTATION_DIR: dir },
  });
  return r.stdout.split('\n').filter((l) => l.endsWith('.test.ts'));
}

/**
 * Stryker counts a test file that fails to load in its sandbox (a file the sandbox lacks, say) as
 * no tests rather than as a failure, and would then score the directory on the tests that loaded.
 */
function checkEveryTestRan(dir: string): void {
  const ran = readReport(MUTATION_REPORT).testFiles ?? {};
  const missing = testFilesOf(dir).filter((f) => (ran[f]?.tests.length ?? 0) === 0);
  if (missing.length === 0) return;
  process.stderr.write(
    `mutation: Stryker ran no test of ${missing.join(', ')} for ${dir}/; see reports/stryker.log\n`,
  );
  process.exit(1);
}

for (const dir of only === undefined ? MUTATED_DIRECTORIES : [only]) {
  process.stderr.write(`mutation: ${dir}/\n`);
  const mutate = [`${dir}/**/*.ts`, ...LEFT_OUT].join(',');
  const incremental = `reports/stryker-incremental-${dir}.json`;
  const r = spawnSync(
    'npx',
    ['stryker', 'run', '--mutate', mutate, '--incrementalFile', incremental],
    { stdio: 'inherit', env: { ...process.env, LINGERING_MUTATION_DIR: dir } },
  );
  if (r.status !== 0) {
    process.stderr.write(`mutation: Stryker failed on ${dir}/ (exit ${r.status})\n`);
    process.exit(1);
  }
  checkEveryTestRan(dir);
  merge(dir);
}
