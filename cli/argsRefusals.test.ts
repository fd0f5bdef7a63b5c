/**
 * The refusals of cli/args.ts that cli/args.test.ts leaves out: a command with no options, a value
 * that looks like an option, an integer with spaces round it, and `scriptOptions`'s one line and
 * exit status 2, read in this process (its default command line is `process.argv`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flag, InputError, int, parse, parseArgsRefusal, scriptOptions } from './args.js';
import type { CommandSpec } from './CommandSpec.js';

const bare: CommandSpec = { name: 'bare', purpose: 'test', options: {} };

const bench: CommandSpec = {
  name: 'bench',
  purpose: 'test',
  options: {
    quick: { kind: 'flag', help: 'quick' },
    runs: { kind: 'int', value: 'N', min: 1, max: 9, default: 3, help: 'runs' },
  },
};

/** The whole message of `parse`'s refusal of `argv`. */
function refusal(spec: CommandSpec, argv: string[]): string {
  try {
    parse(spec, argv);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parse', () => {
  it('tells a command with no options that it takes none', () => {
    expect(refusal(bare, ['--x'])).toBe('bare option: got "--x"; allowed: no options');
    expect(refusal(bare, ['a'])).toBe('bare arguments: got "a"; allowed: no options');
  });

  it("refuses an option's value that starts with a dash, in one line that says how to write it", () => {
    // parseArgs' own message is three lines, its hint (`--runs=-5`) in the last.
    expect(refusal(bench, ['--runs', '-5'])).toBe(
      '--runs: got a value that starts with "-"; allowed: --runs=VALUE for such a value',
    );
    expect(int(parse(bench, ['--runs=5']), 'runs')).toBe(5);
  });

  it("keeps the first line of a message it does not know, and names the command's options", () => {
    // Every refusal parseArgs makes today has its own branch; a new one still gives one line.
    expect(parseArgsRefusal(bench, new Error('Something new.\nA second line')).message).toBe(
      'bench arguments: got Something new.; allowed: --quick, --runs',
    );
    expect(parseArgsRefusal(bare, 'thrown text').message).toBe(
      'bare arguments: got thrown text; allowed: no options',
    );
  });

  it('reads an integer with spaces round it', () => {
    expect(int(parse(bench, ['--runs', ' 5 ']), 'runs')).toBe(5);
  });
});

describe('InputError', () => {
  it('names its kind, as a stack trace shows it', () => {
    expect(String(new InputError('out.json exists'))).toBe('InputError: out.json exists');
  });
});

describe('scriptOptions in this process', () => {
  const argv = process.argv;

  /** Runs `scriptOptions` with exit and standard error caught: what it returned or wrote. */
  function script(read: (p: Parameters<typeof flag>[0]) => unknown, args?: string[]) {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => stderr.push(String(s)) > 0);
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    try {
      return { value: scriptOptions(bench, read, args), stderr };
    } catch (e) {
      return { thrown: (e as Error).message, stderr };
    }
  }

  afterEach(() => {
    process.argv = argv;
    vi.restoreAllMocks();
  });

  it("reads the script's own arguments, after node and the script's path", () => {
    process.argv = ['node', 'bench/bench.ts', '--quick'];
    expect(script((p) => flag(p, 'quick'))).toEqual({ value: true, stderr: [] });
  });

  it('prefixes the script name to a refusal that lacks it, and exits 2', () => {
    expect(script((p) => int(p, 'runs'), ['--runs', '10'])).toEqual({
      thrown: 'exit 2',
      stderr: ['bench --runs: got 10; allowed: an integer from 1 to 9\n'],
    });
  });

  it('writes a refusal that names the script already as it is', () => {
    expect(script((p) => flag(p, 'quick'), ['--slow'])).toEqual({
      thrown: 'exit 2',
      stderr: ['bench option: got "--slow"; allowed: --quick, --runs\n'],
    });
  });

  it('lets an error that is not a usage error through', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(script(boom, [])).toEqual({ thrown: 'boom', stderr: [] });
  });
});
