/**
 * The README's command table, between `<!-- commands:start -->` and `<!-- commands:end -->`, made
 * from the commands' tables (cli/specs/) as `--help` is: `npm run readme-demos` rewrites it and
 * scripts/readmeCommands.test.ts fails while it differs.
 */
import { COMMAND_SPECS } from '../cli/specs/index.js';
import { commandTable } from '../cli/usage.js';

const START = '<!-- commands:start -->\n';
const END = '<!-- commands:end -->';

/** The README with its command table made anew; `null` when the markers are missing. */
export function withCommandTable(readme: string): string | null {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) return null;
  return readme.slice(0, from + START.length) + commandTable(COMMAND_SPECS) + readme.slice(to);
}
