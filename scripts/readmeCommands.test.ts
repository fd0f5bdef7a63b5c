/**
 * The README's command table is the one the commands' option tables (cli/specs/) make, as
 * `--help` is: a changed option, default or range fails here until `npm run readme-demos` runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../cli/specs/index.js';
import { withCommandTable } from './readmeCommands.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("README's command table", () => {
  it('is what the option tables make', () => {
    expect(withCommandTable(README)).toBe(README);
  });

  it('has a row per command, naming each of its options', () => {
    for (const spec of COMMAND_SPECS) {
      const row = README.split('\n').find((l) => l.startsWith(`| \`${spec.name}`));
      expect(row, spec.name).toBeDefined();
      for (const o of Object.keys(spec.options)) expect(row).toContain(`\`--${o}`);
    }
  });

  it('rewrites a stale table and refuses a README without the markers', () => {
    const stale = 'a\n<!-- commands:start -->\n| old |\n<!-- commands:end -->\nb\n';
    const next = withCommandTable(stale);
    expect(next).not.toContain('| old |');
    expect(next).toContain('| `variants` |');
    expect(next?.startsWith('a\n<!-- commands:start -->\n| command |')).toBe(true);
    expect(next?.endsWith('<!-- commands:end -->\nb\n')).toBe(true);
    expect(withCommandTable('no markers')).toBeNull();
  });
});
