/**
 * The mutation score after the equivalent mutants listed in `stryker-equivalent.json`: `npm run
 * mutation` runs Stryker, then this reads its JSON report and the list. A listed mutant is matched
 * by file, mutator, replacement and the source text it replaces (not by line, so the list survives
 * edits elsewhere in the file). A listed mutant that no longer survives is reported as stale, so the
 * list never hides a mutant a test has since learned to kill.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { flag, scriptOptions } from '../cli/args.js';

const EquivalentSchema = z.object({
  format: z.literal('lingering-equivalent-mutants/v1'),
  mutants: z.array(
    z.object({
      file: z.string().min(1),
      mutator: z.string().min(1),
      original: z.string(),
      replacement: z.string(),
      /** The mutant's first source line, trimmed: tells apart equal mutants on different lines. */
      context: z.string(),
      reason: z.string().min(10),
    }),
  ),
});
export type EquivalentList = z.infer<typeof EquivalentSchema>;

interface Position {
  readonly line: number;
  readonly column: number;
}
interface ReportMutant {
  readonly mutatorName: string;
  readonly static?: boolean;
  readonly replacement: string;
  readonly status: string;
  readonly location: { readonly start: Position; readonly end: Position };
}
export interface MutationReport {
  readonly files: Readonly<
    Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>
  >;
  /** The test files Stryker ran, with their tests (mutation-testing-report-schema). */
  readonly testFiles?: Readonly<Record<string, { readonly tests: readonly unknown[] }>>;
}

export interface Survivor {
  readonly file: string;
  readonly line: number;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
  readonly context: string;
  readonly status: string;
}

/** A static mutant re-tested as plain source by scripts/staticMutants.ts. */
export interface StaticRetest {
  readonly file: string;
  readonly mutator: string;
  readonly original: string;
  readonly replacement: string;
  readonly context: string;
  readonly status: string;
}

export interface MutationScore {
  readonly killed: number;
  /** Of `killed`, the static mutants Stryker reported alive that failed the tests as plain source. */
  readonly killedOnRetest: number;
  readonly survived: number;
  readonly equivalent: number;
  /** Stryker's own score: killed and timed-out over every valid mutant. */
  readonly rawScore: number;
  /** The same with the listed equivalent mutants left out of the denominator. */
  readonly score: number;
  readonly survivors: readonly Survivor[];
  readonly stale: EquivalentList['mutants'];
  /** The score per top directory (`engine`, `cli`, ...), after equivalents and re-tests. */
  readonly byDirectory: Readonly<Record<string, DirectoryScore>>;
}

/** One directory's share of the score. */
export interface DirectoryScore {
  readonly killed: number;
  readonly survived: number;
  readonly score: number;
}

const KILLED = new Set(['Killed', 'Timeout']);
const SURVIVED = new Set(['Survived', 'NoCoverage']);

/**
 * Alive until a test kills it: a survivor, an uncovered mutant, or a static mutant that Stryker
 * left to scripts/staticMutants.ts (`ignoreStatic`, stryker.config.json).
 */
const alive = (m: ReportMutant): boolean =>
  SURVIVED.has(m.status) || (m.status === 'Ignored' && m.static === true);

const percent = (k: number, n: number): number =>
  n === 0 ? 100 : Math.round((10_000 * k) / n) / 100;

/** Each top directory's killed and surviving mutants, and its score. */
function byDirectory(
  killedFiles: readonly string[],
  survivors: readonly Survivor[],
): Record<string, DirectoryScore> {
  const dir = (file: string): string => file.split('/')[0] ?? file;
  const counts = new Map<string, { killed: number; survived: number }>();
  const at = (file: string) => {
    const c = counts.get(dir(file)) ?? { killed: 0, survived: 0 };
    counts.set(dir(file), c);
    return c;
  };
  for (const f of killedFiles) at(f).killed++;
  for (const s of survivors) at(s.file).survived++;
  return Object.fromEntries(
    [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([d, c]) => [d, { ...c, score: percent(c.killed, c.killed + c.survived) }]),
  );
}

/** The offset in `source` of a 1-based line and column. */
const offsetOf = (source: string, p: Position): number =>
  source
    .split('\n')
    .slice(0, p.line - 1)
    .reduce((n, l) => n + l.length + 1, 0) +
  p.column -
  1;

/** The source text a mutant replaces, from its 1-based line and column range. */
export const originalText = (source: string, start: Position, end: Position): string =>
  source.slice(offsetOf(source, start), offsetOf(source, end));

/** The source with a mutant written in. */
export const applyMutant = (
  source: string,
  start: Position,
  end: Position,
  replacement: string,
): string =>
  source.slice(0, offsetOf(source, start)) + replacement + source.slice(offsetOf(source, end));

/** The trimmed source line a mutant starts on. */
export const contextOf = (source: string, start: Position): string =>
  source.split('\n')[start.line - 1]!.trim();

const keyOf = (m: {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  context: string;
}): string => JSON.stringify([m.file, m.mutator, m.original, m.replacement, m.context]);

export const mutationScore = (
  report: MutationReport,
  equivalents: EquivalentList,
  retests: readonly StaticRetest[] = [],
): MutationScore => {
  const listed = new Map(equivalents.mutants.map((m) => [keyOf(m), m]));
  const killedStatic = new Set(retests.filter((r) => r.status === 'Killed').map(keyOf));
  let killedOnRetest = 0;
  const matched = new Set<string>();
  const survivors: Survivor[] = [];
  let killed = 0;
  let equivalent = 0;
  let survivedTotal = 0;
  const killedFiles: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (KILLED.has(m.status)) {
        killed++;
        killedFiles.push(file);
      }
      if (!alive(m)) continue;
      survivedTotal++;
      const original = originalText(source, m.location.start, m.location.end);
      const context = contextOf(source, m.location.start);
      const key = keyOf({
        file,
        mutator: m.mutatorName,
        original,
        replacement: m.replacement,
        context,
      });
      if (m.static === true && killedStatic.has(key)) {
        killed++;
        killedFiles.push(file);
        killedOnRetest++;
        survivedTotal--;
        continue;
      }
      if (listed.has(key)) {
        equivalent++;
        matched.add(key);
        continue;
      }
      survivors.push({
        file,
        line: m.location.start.line,
        mutator: m.mutatorName,
        original,
        replacement: m.replacement,
        context,
        status: m.status,
      });
    }
  }
  return {
    killed,
    killedOnRetest,
    survived: survivors.length,
    equivalent,
    rawScore: percent(killed - killedOnRetest, killed + survivedTotal),
    score: percent(killed, killed + survivors.length),
    survivors,
    // An entry of a file the report did not mutate (a directory not yet run) cannot be judged.
    stale: equivalents.mutants.filter(
      (m) => report.files[m.file] !== undefined && !matched.has(keyOf(m)),
    ),
    byDirectory: byDirectory(killedFiles, survivors),
  };
};

export const parseEquivalentList = (text: string): EquivalentList =>
  EquivalentSchema.parse(JSON.parse(text));

/** The score `npm run mutation` requires, after equivalents. */
const THRESHOLD = 95;

/** The directories Stryker mutates, in the order scripts/mutation.ts runs them. */
export const MUTATED_DIRECTORIES = ['engine', 'invariants', 'history', 'render', 'cli'] as const;
/** Where Stryker's JSON reporter writes (stryker.config.json) and where the static re-test writes. */
export const MUTATION_REPORT = 'reports/mutation/mutation.json';
/** Every directory's last report, merged by scripts/mutation.ts. */
export const MERGED_REPORT = 'reports/mutation/merged.json';
export const STATIC_RETEST = 'reports/mutation/static-retest.json';

const main = (options: { readonly json: boolean; readonly list: boolean }): number => {
  // A fresh clone has no report yet: say what makes one rather than fail on the missing file.
  if (!existsSync(MERGED_REPORT)) {
    process.stderr.write(
      `lingering: ${MERGED_REPORT}: no mutation report yet; run npm run mutation first\n`,
    );
    return 2;
  }
  const report = JSON.parse(readFileSync(MERGED_REPORT, 'utf8')) as MutationReport;
  const retests = existsSync(STATIC_RETEST)
    ? (JSON.parse(readFileSync(STATIC_RETEST, 'utf8')) as { results: StaticRetest[] }).results
    : [];
  const result = mutationScore(
    report,
    parseEquivalentList(readFileSync('stryker-equivalent.json', 'utf8')),
    retests,
  );
  // A directory with no report has no score: the run is not complete until every one has.
  const missing = MUTATED_DIRECTORIES.filter(
    (dir) => !Object.keys(report.files).some((f) => f.startsWith(`${dir}/`)),
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...result, missing }, null, 2)}\n`);
  } else {
    if (options.list) {
      for (const s of result.survivors)
        process.stdout.write(
          `${s.file}:${s.line} ${s.mutator} ${JSON.stringify(s.original)} -> ${JSON.stringify(s.replacement)}\n`,
        );
    }
    for (const s of result.stale)
      process.stdout.write(
        `stale equivalent entry (no longer survives): ${s.file} ${s.mutator} ${JSON.stringify(s.original)}\n`,
      );
    for (const [dir, d] of Object.entries(result.byDirectory))
      process.stdout.write(
        `  ${dir}/: ${d.score}% (${d.killed} killed, ${d.survived} surviving)\n`,
      );
    for (const dir of missing)
      process.stdout.write(`  ${dir}/: no report yet (npm run mutation -- --only ${dir})\n`);
    process.stdout.write(
      `mutation score ${result.score}% (${result.killed} killed, ${result.killedOnRetest} of them static mutants killed on re-test; ${result.survived} surviving; ${result.equivalent} listed as equivalent in stryker-equivalent.json; Stryker's raw score ${result.rawScore}%)\n`,
    );
  }
  return result.score >= THRESHOLD && result.stale.length === 0 && missing.length === 0 ? 0 : 1;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = main(
    scriptOptions(
      {
        name: 'mutation-score',
        purpose: 'the mutation score after the documented equivalent mutants',
        options: {
          json: { kind: 'flag', help: 'print the result as JSON' },
          list: { kind: 'flag', help: 'list the surviving mutants' },
        },
      },
      (p) => ({ json: flag(p, 'json'), list: flag(p, 'list') }),
    ),
  );
