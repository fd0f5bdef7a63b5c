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
import type { CommandSpec } from './CommandSpec.js';
import { helpText, usageLine } from './usage.js';

type Command = (argv: readonly string[], io: Io) => number | Promise<number>;

// Each command is loaded when it runs: a command line pays only for the code it uses.
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (argv, io) =>
    pick(await load())(argv, io);

/** Each command's code, loaded when it runs; its table is in cli/specs/. */
const RUN: Record<string, Command> = {
  matrix: lazy(
    () => import('./matrixCommand.js'),
    (m) => m.matrixCommand,
  ),
  replay: lazy(
    () => import('./replayCommand.js'),
    (m) => m.replayCommand,
  ),
  check: lazy(
    () => import('./checkCommand.js'),
    (m) => m.checkCommand,
  ),
  model: lazy(
    () => import('./modelCommand.js'),
    (m) => m.modelCommand,
  ),
  render: lazy(
    () => import('./renderCommand.js'),
    (m) => m.renderCommand,
  ),
  report: lazy(
    () => import('./reportCommand.js'),
    (m) => m.reportCommand,
  ),
  audit: lazy(
    () => import('./auditCommand.js'),
    (m) => m.auditCommand,
  ),
  export: lazy(
    () => import('./exportCommand.js'),
    (m) => m.exportCommand,
  ),
  explore: lazy(
    () => import('./exploreCommand.js'),
    (m) => m.exploreCommand,
  ),
  merge: lazy(
    () => import('./mergeCommand.js'),
    (m) => m.mergeCommand,
  ),
  variants: lazy(
    () => import('./variantsCommand.js'),
    (m) => m.variantsCommand,
  ),
};

/** Every command's table, loaded for help only: the tables name every design and invariant. */
const commandSpecs = async (): Promise<readonly CommandSpec[]> =>
  (await import('./specs/index.js')).COMMAND_SPECS;

const help = (
  specs: readonly CommandSpec[],
) => `lingering: verification suite for the Windows lingering-flow race

usage: lingering [command] [options]

commands:
${specs.map((c) => `  ${usageLine(c)}: ${c.purpose}`).join('\n')}
  help: this text (also --help, -h; COMMAND --help: that command's options, defaults and ranges)
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
    if (name === undefined) return await (RUN.matrix as Command)([], io);
    if (name === 'help' || name === '--help' || name === '-h') {
      io.out(help(await commandSpecs()));
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
    const run = RUN[name];
    if (run === undefined)
      throw new UsageError('command', `"${name}"`, [...Object.keys(RUN), 'help', '--version']);
    if (rest.includes('--help') || rest.includes('-h')) {
      const spec = (await commandSpecs()).find((s) => s.name === name) as CommandSpec;
      io.out(helpText(spec));
      return 0;
    }
    return await run(rest, io);
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
