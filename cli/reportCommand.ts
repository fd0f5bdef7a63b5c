/**
 * `lingering report [--out DIR] [--runs N] [--seed S] [--environment production|isolated] [--force]
 * [--json]`: runs the matrix in the environment (docs/environment.md; production by default) and
 * writes one self-contained HTML page, `DIR/index.html`, with it and every saved counterexample.
 * Nothing is lost: it writes only into a directory it created (marked by `.lingering-report`) or an
 * empty one, unless `--force`, and every file is written to a temporary name, then renamed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Environment } from '../engine/environment.js';
import { StepError } from '../engine/errors/StepError.js';
import { TraceError } from '../engine/errors/TraceError.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import { cleanupOnExit, exitIfOrphaned, removeQuietly } from '../lib/cleanupOnExit.js';
import { createDirectory } from '../lib/createDirectory.js';
import { isWritableDirectory } from '../lib/isWritableDirectory.js';
import { invariants } from '../invariants/index.js';
import { runMatrix } from '../checking/matrix.js';
import { matrixExtras } from '../checking/matrixExtras.js';
import type { ReportEntry } from '../render/reportPage.js';
import { entryId, reportPage } from '../render/reportPage.js';
import { traceSection } from '../render/traceSection.js';
import { flag, InputError, int, oneOf, parse, str, UsageError } from './args.js';
import type { Io } from './io.js';
import type { ReportFiles } from './reports/ReportFiles.js';
import { REPORT_FILES_FORMAT } from './reports/ReportFiles.js';
import { progressReporter } from './progress.js';
import { loadTrace } from '../checking/loadTrace.js';
import { COUNTEREXAMPLES_DIR } from '../checking/loadCounterexamples.js';
import { DEFAULT_OUT, reportSpec } from './specs/reportSpec.js';
import { pictureOf } from './renderCommand.js';

/** The file that marks a directory `report` created (and may therefore overwrite). */
export const MARKER = '.lingering-report';

const MARKER_TEXT =
  'Written by `lingering report`: it may overwrite the files in this directory.\n';

/** How the output directory stands: whether `report` may write there, and must mark it. */
type OutDir = { readonly mark: boolean };

/** The nearest part of `path` that exists: where a missing `--out` would be created. */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Checks `dir` before any work is done; refuses a directory that holds someone else's files. */
function prepareOutDir(dir: string, force: boolean): OutDir {
  if (!existsSync(dir)) {
    // Refused now rather than after the matrix: a file in the path, a directory not ours to write.
    if (!isWritableDirectory(nearestExisting(dir)))
      throw new UsageError(
        '--out',
        `"${dir}"`,
        'a directory this user may create, or an existing empty one',
      );
    return { mark: true };
  }
  if (!statSync(dir).isDirectory())
    throw new InputError(`report: --out ${dir} is a file, not a directory`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(MARKER)) return { mark: entries.length === 0 };
  if (force) return { mark: false };
  throw new InputError(
    `report: ${dir} is not empty and was not created by lingering report (no ${MARKER}); choose another --out or pass --force`,
  );
}

/** One saved counterexample drawn as a section, or the one-line reason it could not be. */
function entryOf(dir: string, name: string): ReportEntry {
  const file = `counterexamples/${name}`;
  const id = entryId(name);
  try {
    const trace = loadTrace(join(dir, name));
    const picture = pictureOf(file, trace);
    const note = [
      trace.violated === undefined ? '' : `violated: ${trace.violated}`,
      trace.expect === undefined ? '' : `expect: ${trace.expect}`,
    ]
      .filter((s) => s !== '')
      .join(', ');
    return {
      id,
      file,
      html: traceSection(picture, { id, level: 2, ...(note === '' ? {} : { note }) }),
    };
  } catch (e) {
    if (e instanceof TraceError || e instanceof StepError || e instanceof InputError) {
      return { id, file, html: null, problem: e.message.split('\n')[0] ?? e.message };
    }
    throw e;
  }
}

/** The names of the saved counterexamples in `dir`, sorted. */
const savedFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

/**
 * Writes the marker (when `dir.mark`) and the page into `out`; returns the files written. A failure
 * (a refused or short write, a signal, the parent's death) removes the directory when this call
 * created it, else the marker it wrote, so a refused report leaves nothing behind.
 */
function writeReport(out: string, dir: OutDir, page: string): string[] {
  exitIfOrphaned();
  const created = createDirectory(out);
  const marker = join(out, MARKER);
  const undo = created ?? (dir.mark ? marker : undefined);
  const settled = undo === undefined ? () => undefined : cleanupOnExit(undo);
  try {
    if (dir.mark) atomicWrite(marker, MARKER_TEXT);
    atomicWrite(join(out, 'index.html'), page);
  } catch (e) {
    if (undo !== undefined) removeQuietly(undo);
    throw e;
  } finally {
    settled();
  }
  return [...(dir.mark ? [marker] : []), join(out, 'index.html')];
}

/** Runs `report` on the counterexamples in `counterexamples`; returns the exit status. */
export function reportCommand(
  argv: readonly string[],
  io: Io,
  counterexamples = COUNTEREXAMPLES_DIR,
): number {
  const p = parse(reportSpec, argv);
  const out = str(p, 'out', DEFAULT_OUT) as string;
  const runs = int(p, 'runs');
  const seed = int(p, 'seed');
  const environment = oneOf(p, 'environment') as Environment;
  const dir = prepareOutDir(out, flag(p, 'force'));
  const reporter = progressReporter(io, { json: flag(p, 'json'), quiet: flag(p, 'quiet') });
  const progress = reporter.report;
  const matrix = runMatrix({
    environment,
    seed,
    runs,
    extra: matrixExtras,
    onPair: (driver, agent, i, total) =>
      progress(`report: matrix ${i}/${total} ${driver} × ${agent}`),
  });
  const names = savedFiles(counterexamples);
  const entries = names.map((name, i) => {
    progress(`report: drawing ${i + 1}/${names.length} ${name}`);
    return entryOf(counterexamples, name);
  });
  reporter.end();
  for (const e of entries)
    if (e.html === null) io.err(`lingering: report: ${e.file} not drawn: ${e.problem ?? ''}\n`);
  const statements = new Map([...invariants, ...matrixExtras].map((i) => [i.name, i.statement]));
  const page = reportPage({ matrix, statements, entries });

  const files = writeReport(out, dir, page);
  io.out(
    flag(p, 'json')
      ? `${JSON.stringify({ format: REPORT_FILES_FORMAT, out, files } satisfies ReportFiles, null, 2)}\n`
      : `report: wrote ${join(out, 'index.html')} (matrix of ${matrix.cells.length} cells, ${entries.length} counterexample${entries.length === 1 ? '' : 's'})\n`,
  );
  return 0;
}
