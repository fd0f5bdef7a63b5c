/**
 * The commands' option tables (cli/specs/) as the refusals of a command's operands show them.
 * A table is built when its module loads, so its mutants are judged by the static re-test
 * (scripts/staticMutants.ts), which runs these tests on the table written as plain source; the
 * README's command table is checked by scripts/readmeCommands.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parse } from './args.js';
import { COMMAND_SPECS } from './specs/index.js';

/** The message `parse` refuses `argv` with, or `accepted`. */
function refusal(name: string, argv: readonly string[]): string {
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`no command ${name}`);
  try {
    parse(spec, argv);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('the option tables', () => {
  it.each(['replay', 'render', 'export'])(
    'hold %s to one trace file: not none, not two',
    (name) => {
      expect(refusal(name, [])).toBe(
        `${name}: got no FILE; allowed: a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json`,
      );
      expect(refusal(name, ['a.json', 'b.json'])).toBe(`${name}: got "b.json"; allowed: one FILE`);
      expect(refusal(name, ['a.json'])).toBe('accepted');
    },
  );
});
