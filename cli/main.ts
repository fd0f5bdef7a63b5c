/**
 * The `lingering` command line: dispatches to one command and is the one error boundary: every
 * failure, thrown or left unhandled, becomes one line on standard error and an exit status
 * (cli/classifyError.ts), with the stack trace only under `--debug`.
 */
import { readFileSync } from 'node:fs';
import { watchParent } from '../lib/cleanupOnExit.js';
import { UsageError } from './args.js';
import { classifyError, EXIT } from './classifyError.js';
import type { Io } from './io.js';
import type { VersionReport } from './reports/VersionReport.js';
import { VERSION_REPORT_FORMAT } from './reports/VersionReport.js';
import { processIo } from './io.js';

type Command = (argv: readonly string[], io: Io) => number | Promise<number>;

// Each command is loaded when it runs: a command line pays only for the code it uses.
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv, io) =>
    pick(await load())(argv, io);

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  matrix: {
    run: lazy(
      () => import('./matrixCommand.js'),
      (m) => m.matrixCommand,
    ),
    summary:
      'matrix [--environment production|isolated] [--runs N] [--seed S] [--junit FILE] [--update-manifest] [--json] [--quiet]: every driver × agent pair against every invariant (the default)',
  },
  replay: {
    run: lazy(
      () => import('./replayCommand.js'),
      (m) => m.replayCommand,
    ),
    summary:
      'replay FILE [--driver D] [--agent A] [--clients K] [--json]: run a trace, print its per-poll report',
  },
  check: {
    run: lazy(
      () => import('./checkCommand.js'),
      (m) => m.checkCommand,
    ),
    summary:
      'check --driver D --agent A [--invariant NAME] [--seed S] [--runs N] [--scheduler uniform|pct] [--depth D] [--layers L] [--environment production|isolated] [--save] [--replace] [--out DIR] [--json] [--quiet]: find, shrink and save a counterexample',
  },
  model: {
    run: lazy(
      () => import('./modelCommand.js'),
      (m) => m.modelCommand,
    ),
    summary:
      'model [--driver D] [--agent A] [--flows N] [--layers L] [--callouts C] [--polls P] [--format text|json|mermaid|stately] [--json] [--quiet]: explore the xstate model (--format stately --json: the machine as data for xstate)',
  },
  render: {
    run: lazy(
      () => import('./renderCommand.js'),
      (m) => m.renderCommand,
    ),
    summary:
      'render FILE --format mermaid|svg|html | --json [--driver D] [--agent A] [--invariant NAME] [--clients K]: draw a trace (--json: the picture as data)',
  },
  report: {
    run: lazy(
      () => import('./reportCommand.js'),
      (m) => m.reportCommand,
    ),
    summary:
      'report [--out DIR] [--runs N] [--seed S] [--environment production|isolated] [--force] [--json] [--quiet]: write an HTML page with the matrix and every counterexample',
  },
  audit: {
    run: lazy(
      () => import('./auditCommand.js'),
      (m) => m.auditCommand,
    ),
    summary:
      'audit FILE... [--json]: check recorded agent payloads (or a replay --json report) offline; exit 1 on a violation',
  },
  export: {
    run: lazy(
      () => import('./exportCommand.js'),
      (m) => m.exportCommand,
    ),
    summary:
      'export FILE --format itf [--driver D] [--agent A] [--clients K] [--json]: write a trace as ITF JSON (Apalache/Quint), one state per step',
  },
  explore: {
    run: lazy(
      () => import('./exploreCommand.js'),
      (m) => m.exploreCommand,
    ),
    summary:
      'explore [--driver D] [--agent A] [--environment production|isolated] [--flows N] [--tuples T] [--callouts C] [--polls P] [--layers L] [--traffic T] [--shard i/n] [--fingerprints FILE] [--max-states M] [--max-memory SIZE] [--workers N] [--no-restart] [--invariant NAME] [--stop] [--no-symmetry] [--no-por] [--ample] [--no-minimise] [--quiescence-every-state] [--out FILE] [--out-dir DIR] [--json] [--quiet]: exhaustive breadth-first search of every interleaving in an environment; exit 1 on a violation',
  },
  merge: {
    run: lazy(
      () => import('./mergeCommand.js'),
      (m) => m.mergeCommand,
    ),
    summary:
      "merge FILE... [--json]: union the fingerprint files of explore --shard runs (same pair, environment, bounds and tuples) into one search's counts and verdicts",
  },
  variants: {
    run: lazy(
      () => import('./variantsCommand.js'),
      (m) => m.variantsCommand,
    ),
    summary: 'variants [--json]: list the driver and agent variants with their steps',
  },
};

const HELP = `lingering: verification suite for the Windows lingering-flow race

usage: lingering [command] [options]

commands:
${Object.entries(COMMANDS)
  .map(([, c]) => `  ${c.summary}`)
  .join('\n')}
  help: this text (also --help, -h; COMMAND --help: that command's line)
  --version: the version

With no command, lingering runs the matrix. --debug, anywhere: the stack trace of a failure too.
Exit status: 0 done (no violation), 1 violation found, 2 bad input or unusable output location,
3 environment failure (disk full, too many open files), 4 internal error.
`;

/** The version, package.json's (read only when asked: every other command starts without it). */
const version = (): string =>
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

/** The global flag that adds the stack trace to a failure's line. */
const DEBUG = '--debug';

/**
 * Tells `e` in one line, and under `--debug` the stack of a failure that is not the user's (exit 3
 * or 4); returns the exit status.
 */
function fail(e: unknown, io: Io, debug: boolean): number {
  const failure = classifyError(e);
  io.err(failure.line);
  if (debug && failure.status > EXIT.badInput && e instanceof Error && e.stack !== undefined)
    io.err(`${e.stack}\n`);
  return failure.status;
}

/**
 * Runs the command line `argv` (without `node` and the script); returns the exit status.
 */
export async function main(args: readonly string[], io: Io = processIo): Promise<number> {
  const argv = args.filter((a) => a !== DEBUG);
  const [name, ...rest] = argv;
  try {
    if (name === undefined) return await (COMMANDS.matrix as { run: Command }).run([], io);
    if (name === 'help' || name === '--help' || name === '-h') {
      io.out(HELP);
      return 0;
    }
    if (name === '--version' || name === '-V' || name === 'version') {
      io.out(
        rest.includes('--json')
          ? `${JSON.stringify({ format: VERSION_REPORT_FORMAT, name: 'lingering', version: version() } satisfies VersionReport)}\n`
          : `lingering ${version()}\n`,
      );
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined)
      throw new UsageError('command', `"${name}"`, [...Object.keys(COMMANDS), 'help', '--version']);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`usage: lingering ${command.summary}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    return fail(e, io, argv.length < args.length);
  }
}

/**
 * Runs the command line as this process: an error thrown outside `main`'s await (a callback, a
 * rejected promise nobody awaited) gets the same one line and exits; a dead parent stops the
 * process as SIGTERM would (lib/cleanupOnExit.ts); `parent` is the parent process at start.
 */
export async function runProcess(args: readonly string[], parent = process.ppid): Promise<void> {
  const debug = args.includes(DEBUG);
  const crash = (e: unknown) => process.exit(fail(e, processIo, debug));
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  watchParent(parent);
  process.exitCode = await main(args);
}
