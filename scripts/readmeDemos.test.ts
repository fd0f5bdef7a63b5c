/**
 * The README's demo outputs are what their commands print today (`npm run readme-demos` rewrites
 * them). The matrix demo is checked by checking/manifest.test.ts, which has the matrix at hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoOutput, demosOf, withDemos } from './readmeDemos.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const demos = demosOf(README);

describe('README demos', () => {
  it('marks the replay demos and the matrix demo', () => {
    expect(demos.map((d) => d.argv[0])).toEqual(['replay', 'replay', 'matrix']);
  });

  it.each(demos.filter((d) => d.argv[0] !== 'matrix').map((d) => [d.argv.join(' '), d] as const))(
    'shows what `lingering %s` prints',
    async (_, d) => {
      expect(d.shown).toBe(await demoOutput(d.argv));
    },
  );

  it('rewrites a stale block and keeps the text around it', async () => {
    const stale = 'before\n<!-- demo: lingering variants --json -->\n```\nold\n```\nafter\n';
    const next = await withDemos(stale);
    expect(next.startsWith('before\n<!-- demo: lingering variants --json -->\n```\n{')).toBe(true);
    expect(next.endsWith('}\n```\nafter\n')).toBe(true);
    expect(demosOf(next)[0]?.shown).toBe(await demoOutput(['variants', '--json']));
  });
});
