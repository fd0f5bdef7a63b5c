/**
 * The README's demo outputs, each marked by the command that prints it:
 * `<!-- demo: lingering replay counterexamples/x.json -->` followed by a plain fenced block.
 * `demosOf` finds them, `demoOutput` runs the command in-process, and `withDemos` writes each
 * block anew. `scripts/readmeDemos.test.ts` (and, for the matrix, which takes a minute,
 * checking/manifest.test.ts) fail while a block differs from what its command prints.
 */
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';

/** One demo: the command after `lingering`, and the output the README shows. */
export interface Demo {
  readonly argv: readonly string[];
  readonly shown: string;
}

const MARK = /<!-- demo: lingering ([^>]*?) -->\n\n?```\n([\s\S]*?)```/g;

/**
 * The demos of a README.
 *
 * @example
 * demosOf('<!-- demo: lingering variants -->\n```\nx\n```')[0] //=> { argv: ['variants'], shown: 'x\n' }
 */
export const demosOf = (readme: string): Demo[] =>
  [...readme.matchAll(MARK)].map((m) => ({
    argv: (m[1] as string).trim().split(/\s+/),
    shown: m[2] as string,
  }));

/** What `lingering argv…` prints on standard output (a violation's exit status 1 included). */
export async function demoOutput(argv: readonly string[]): Promise<string> {
  const b = bufferIo();
  const status = await main(argv, b.io);
  if (status > 1) throw new Error(`lingering ${argv.join(' ')}: exit ${status}: ${b.stderr()}`);
  return b.stdout();
}

/** The README with every demo block replaced by its command's output. */
export async function withDemos(readme: string): Promise<string> {
  let out = '';
  let at = 0;
  for (const m of readme.matchAll(MARK)) {
    const blockStart = m.index + m[0].length - 3 - (m[2] as string).length;
    out += readme.slice(at, blockStart) + (await demoOutput((m[1] as string).trim().split(/\s+/)));
    at = blockStart + (m[2] as string).length;
  }
  return out + readme.slice(at);
}
