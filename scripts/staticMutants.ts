/**
 * Tests the static mutants. A static mutant changes code that runs when its module loads (a
 * variant's object, an invariant's statement, a command's option table); StrykerJS's vitest runner
 * activates it only after the module has loaded, so it can report a mutant the tests do kill as
 * surviving (stryker-js#6144, #6209), and it would run every test for each one. So Stryker skips
 * them (`ignoreStatic`), and here each is written into a copy of the project as plain source and
 * the tests of `vitest.mutation.config.ts` that import its file (`vitest related`) run on it: a
 * failing run kills it.
 * Writes `reports/mutation/static-retest.json`, which `scripts/mutationScore.ts` reads.
 *
 * Run by `npm run mutation` after Stryker. Options: --concurrency N (default 1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { int, scriptOptions } from '../cli/args.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import {
  applyMutant,
  contextOf,
  MERGED_REPORT,
  type MutationReport,
  originalText,
  STATIC_RETEST,
  type StaticRetest,
} from './mutationScore.js';

const STATIC_RETEST_FORMAT = 'lingering-static-retest/v1';

/** Longest a vitest run may take: the slowest unmutated `vitest related` run here is under a minute. */
const RUN_LIMIT_MS = 180_000;

interface RetestResult extends StaticRetest {
  readonly status: 'Killed' | 'Survived' | 'Skipped';
  /** The SHA-1 of the file the mutant was written into: a kill holds while the file is unchanged. */
  readonly sourceHash?: string;
  readonly why: string;
}

interface Job {
  readonly file: string;
  readonly source: string;
  readonly mutator: string;
  readonly replacement: string;
  readonly start: { line: number; column: number };
  readonly end: { line: number; column: number };
}

const root = process.cwd();
const concurrency = scriptOptions(
  {
    name: 'scripts/staticMutants.ts',
    purpose: 're-test the static mutants Stryker left alive',
    options: {
      concurrency: { kind: 'int', value: 'N', min: 1, max: 64, default: 1, help: 'copies at once' },
    },
  },
  (p) => int(p, 'concurrency'),
);

/** A copy of the working tree (tracked and untracked files, not ignored ones) with node_modules linked. */
const copyProject = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'lingering-static-'));
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .stdout.split('\n')
    // node_modules is linked below; a checkout whose node_modules is itself a link lists it here.
    .filter((f) => f.length > 0 && f !== 'node_modules');
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      cpSync(join(root, f), join(dir, f));
    } catch {
      // A file deleted from the working tree but still in the index: nothing to copy.
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
};

/** The vitest runs under way, stopped before their copies are removed. */
const running = new Set<ReturnType<typeof spawn>>();

/**
 * Runs vitest in `dir` on `filters` (`vitest run`), or on the tests that import `file`, directly or
 * not (`vitest related`), among the tests `vitest.mutation.config.ts` gives `file`'s directory, as
 * Stryker judged its other mutants: a static mutant acts when its module loads, so no other test
 * can see it.
 */
const vitest = (
  dir: string,
  file: string,
  filters?: readonly string[],
): Promise<{ status: number | null; out: string }> =>
  new Promise((resolve) => {
    const which = filters === undefined ? ['related', '--run', file] : ['run', ...filters];
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        ...which,
        '-c',
        'vitest.mutation.config.ts',
        '--passWithNoTests',
        '--bail=1',
        '--reporter=dot',
      ],
      {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LINGERING_MUTATION_DIR: file.split('/')[0] },
      },
    );
    running.add(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    // A mutant that loops forever is caught, as Stryker's Timeout is: the run is stopped and fails.
    const timer = setTimeout(() => {
      out += `Error: stopped after ${RUN_LIMIT_MS / 1000} s (a mutant that hangs)\n`;
      child.kill('SIGKILL');
    }, RUN_LIMIT_MS);
    child.on('close', (status) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ status, out });
    });
  });

/**
 * The modules a file loads at run time from a folder it names as `new URL('folder/',
 * import.meta.url)`: invariants/index.ts imports every invariant of its catalogue that way, and no
 * import line shows it.
 */
const folderModules = (f: string, text: string): string[] =>
  [...text.matchAll(/new URL\('(\.?\.?\/?[\w./-]*\/)', import\.meta\.url\)/g)]
    .map((m) => relative(root, resolvePath(root, dirname(f), m[1] as string)))
    .filter(
      (folder) => existsSync(join(root, folder)) && statSync(join(root, folder)).isDirectory(),
    )
    .flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
        .map((n) => join(folder, n)),
    );

/** Every TypeScript file of the project, with the project files it imports by a relative path. */
const IMPORTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  spawnSync('git', ['ls-files', '*.ts'], { cwd: root, encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f.length > 0 && existsSync(join(root, f)))
    .map((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      // A type-only import loads nothing: a static mutant cannot act through it.
      const imported = [
        ...text.matchAll(/\b(?:import|export)\s+(type\s+)?[^;]*?from '(\.\.?\/[^']+)\.js'/g),
      ]
        .filter((m) => m[1] === undefined)
        .map((m) => relative(root, resolvePath(root, dirname(f), `${m[2]}.ts`)));
      return [f, new Set([...imported, ...folderModules(f, text)])];
    }),
);

const importersOf = (files: ReadonlySet<string>): Set<string> =>
  new Set(
    [...IMPORTS].filter(([, imported]) => [...files].some((f) => imported.has(f))).map(([f]) => f),
  );

/**
 * The test files that import `file` themselves or through one module (an option table through
 * `cli/specs/index.ts`, a schema through `scripts/schemas.ts`): most static mutants fail one of
 * these, in a run far shorter than `vitest related`'s, which loads every test that reaches the file.
 */
const nearTests = (file: string): string[] => {
  const once = importersOf(new Set([file]));
  const twice = importersOf(new Set([...once].filter((f) => !f.endsWith('.test.ts'))));
  return [...new Set([...once, ...twice])].filter((f) => f.endsWith('.test.ts')).sort();
};

/** Smallest first: a short test file is usually also a quick one. */
const bySize = (files: readonly string[]): string[] =>
  [...files].sort((a, b) => statSync(join(root, a)).size - statSync(join(root, b)).size);

/**
 * The file's own test (`x.test.ts` beside `x.ts`) first, since it is written to judge that file;
 * the smallest first after it. Size alone put a slow end-to-end file first for engine/environment.ts.
 */
const byLikelyKill = (file: string, files: readonly string[]): string[] => {
  const own = file.replace(/\.ts$/, '.test.ts');
  return bySize(files).sort((a, b) => Number(b === own) - Number(a === own));
};

/**
 * The runs that judge a mutant of `file`, in order: one of {@link nearTests} alone (most static
 * mutants fail it, in a few seconds), the other near tests together, then `vitest related`
 * (undefined: every test that reaches the file).
 */
const stagesOf = (file: string): (readonly string[] | undefined)[] => {
  const [first, ...rest] = byLikelyKill(file, nearTests(file));
  return [...(first === undefined ? [] : [[first]]), ...(rest.length > 0 ? [rest] : []), undefined];
};

interface Judgement {
  readonly status: number | null;
  readonly out: string;
  /** The run that failed, or the last one. */
  readonly stage: readonly string[] | undefined;
}

/** Killed when a stage of {@link stagesOf} fails. */
async function judge(dir: string, file: string): Promise<Judgement> {
  let last: Judgement = { status: 0, out: '', stage: undefined };
  for (const stage of stagesOf(file)) {
    last = { ...(await vitest(dir, file, stage)), stage };
    if (last.status !== 0) return last;
  }
  return last;
}

const firstFailure = (out: string): string =>
  out
    .split('\n')
    .map((l) => stripVTControlCharacters(l).trim())
    .find((l) => /^(FAIL|×|Error)/.test(l))
    ?.slice(0, 160) ?? 'the suite failed';

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const keyText = (k: Omit<StaticRetest, 'status'>): string =>
  JSON.stringify([k.file, k.mutator, k.original, k.replacement, k.context]);

/**
 * The kills of the last re-test, by mutant: a mutant killed in the same source stays killed, so
 * a second run re-tests only the survivors (which new tests may now kill).
 */
const earlierKills = (): Map<string, RetestResult> => {
  if (!existsSync(STATIC_RETEST)) return new Map();
  const { results } = JSON.parse(readFileSync(STATIC_RETEST, 'utf8')) as {
    results: RetestResult[];
  };
  return new Map(results.filter((r) => r.status === 'Killed').map((r) => [keyText(r), r]));
};

/** Whether a stage passes on plain source, run once per file and stage: a kill counts only then. */
const baselines = new Map<string, Promise<boolean>>();
const passesUnmutated = (
  dir: string,
  file: string,
  stage: Judgement['stage'],
): Promise<boolean> => {
  const key = JSON.stringify([file, stage]);
  const known = baselines.get(key);
  if (known !== undefined) return known;
  const passes = vitest(dir, file, stage).then((r) => r.status === 0);
  baselines.set(key, passes);
  return passes;
};

const retest = async (
  dir: string,
  job: Job,
  kills: ReadonlyMap<string, RetestResult>,
): Promise<RetestResult> => {
  const sourceHash = sha1(job.source);
  const key = {
    file: job.file,
    mutator: job.mutator,
    original: originalText(job.source, job.start, job.end),
    replacement: job.replacement,
    context: contextOf(job.source, job.start),
    sourceHash,
  };
  const current = readFileSync(join(root, job.file), 'utf8');
  if (current !== job.source)
    return { ...key, status: 'Skipped', why: 'the file changed since the Stryker run' };
  const earlier = kills.get(keyText(key));
  if (earlier?.sourceHash === sourceHash) return earlier;
  writeFileSync(join(dir, job.file), applyMutant(job.source, job.start, job.end, job.replacement));
  const { status, out, stage } = await judge(dir, job.file);
  writeFileSync(join(dir, job.file), job.source);
  if (status === 0)
    return {
      ...key,
      status: 'Survived',
      why: 'every test passed by the tests that import the file',
    };
  // A test that fails without the mutant too (a broken or flaky test) kills nothing.
  if (!(await passesUnmutated(dir, job.file, stage)))
    return { ...key, status: 'Skipped', why: 'the tests fail on plain source too' };
  return { ...key, status: 'Killed', why: firstFailure(out) };
};

const main = async (): Promise<void> => {
  const report = JSON.parse(readFileSync(MERGED_REPORT, 'utf8')) as MutationReport;
  const jobs: Job[] = Object.entries(report.files).flatMap(([file, { source, mutants }]) =>
    mutants
      // Ignored: Stryker's `ignoreStatic` leaves every static mutant to this script.
      .filter(
        (m) =>
          m.static === true &&
          (m.status === 'Survived' || m.status === 'NoCoverage' || m.status === 'Ignored'),
      )
      .map((m) => ({
        file,
        source,
        mutator: m.mutatorName,
        replacement: m.replacement,
        start: m.location.start,
        end: m.location.end,
      })),
  );
  const kills = earlierKills();
  process.stderr.write(
    `testing ${jobs.length} static mutants (earlier kills of unchanged files kept), ${concurrency} at a time\n`,
  );
  // With no survivor there is nothing to copy the project for.
  const dirs = Array.from({ length: Math.min(concurrency, jobs.length) }, copyProject);
  const results: RetestResult[] = new Array<RetestResult>(jobs.length);
  let next = 0;
  let finished = 0;
  // A run still writing into its copy would make the removal fail: stop the runs first.
  const cleanup = () => {
    for (const child of running) child.kill('SIGKILL');
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 10 }));
  };
  // Saved after every mutant, so that a stopped run keeps what it found; earlier kills not reached
  // yet are kept as they were.
  const save = () => {
    const done = results.filter((r) => r !== undefined);
    const reached = new Set(done.map(keyText));
    const kept = [...kills.values()].filter((k) => !reached.has(keyText(k)));
    atomicWrite(
      STATIC_RETEST,
      `${JSON.stringify({ format: STATIC_RETEST_FORMAT, results: [...done, ...kept] }, null, 2)}\n`,
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  await Promise.all(
    dirs.map(async (dir) => {
      while (next < jobs.length) {
        const i = next++;
        const r = await retest(dir, jobs[i]!, kills);
        results[i] = r;
        finished++;
        save();
        process.stderr.write(
          `[${finished}/${jobs.length}] ${r.status.padEnd(8)} ${r.file} ${r.mutator} ${JSON.stringify(r.replacement).slice(0, 60)}\n`,
        );
      }
    }),
  );
  cleanup();
  const killed = results.filter((r) => r.status === 'Killed').length;
  process.stdout.write(
    `static mutants re-tested: ${killed} of ${results.length} killed; results in ${STATIC_RETEST}\n`,
  );
};

await main();
