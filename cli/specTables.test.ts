/**
 * The commands' option tables (cli/specs/), each loaded afresh, as the README's command table and
 * the refusals of a command's operands show them. A table is built when its module loads: a test
 * that reads the module another test file loaded before judges the table as it was then, so these
 * tests load the tables, and what prints them, again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The tables and the parser, their modules evaluated again. */
async function fresh() {
  vi.resetModules();
  const { COMMAND_SPECS } = await import('./specs/index.js');
  const { parse } = await import('./args.js');
  const { withCommandTable } = await import('../scripts/readmeCommands.js');
  return { COMMAND_SPECS, parse, withCommandTable };
}

describe('the option tables, loaded afresh', () => {
  it("make the README's command table", async () => {
    const { withCommandTable } = await fresh();
    expect(withCommandTable(README)).toBe(README);
  });

  it('hold replay, render and export to one trace file: not none, not two', async () => {
    const { COMMAND_SPECS, parse } = await fresh();
    for (const name of ['replay', 'render', 'export']) {
      const spec = COMMAND_SPECS.find((s) => s.name === name)!;
      const refusal = (argv: string[]) => {
        try {
          parse(spec, argv);
        } catch (e) {
          return (e as Error).message;
        }
        return 'accepted';
      };
      expect(refusal([])).toBe(
        `${name}: got no FILE; allowed: a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json`,
      );
      expect(refusal(['a.json', 'b.json'])).toBe(`${name}: got "b.json"; allowed: one FILE`);
      expect(refusal(['a.json'])).toBe('accepted');
    }
  });
});
