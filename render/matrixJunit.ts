/**
 * The matrix as JUnit XML, the report CI systems show natively: one test suite per driver × agent
 * pair, one test case per invariant; a violated cell is a failed case whose failure carries the
 * shrunk counterexample, one event per line, as `lingering check` prints it. A holding cell
 * records how many generated sequences it passed.
 */
import type { Cell, Matrix } from '../checking/matrix.js';
import { formatEvent } from '../engine/events.js';
import { escapeXml } from './escapeXml.js';

const attrs = (a: Readonly<Record<string, string | number>>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

function testCase(c: Cell, suite: string): string {
  const head = `    <testcase${attrs({ classname: suite, name: c.invariant })}`;
  if (c.verdict === 'holds')
    return `${head}>\n      <system-out>held on ${c.tried} generated sequences</system-out>\n    </testcase>`;
  const events = (c.counterexample ?? []).map((e, i) => `${i + 1}. ${formatEvent(e)}`);
  const message = `violated after ${c.tried} sequence(s); shrunk to ${c.counterexampleLength ?? '?'} events`;
  return [
    `${head}>`,
    `      <failure${attrs({ message, type: 'violated' })}>${escapeXml(events.join('\n'))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * The JUnit document.
 *
 * @example
 * matrixJunit(m).startsWith('<?xml version="1.0" encoding="UTF-8"?>') //=> true
 */
export function matrixJunit(m: Matrix): string {
  const pairs = new Map<string, Cell[]>();
  for (const c of m.cells) {
    const suite = `${c.driver} × ${c.agent}`;
    pairs.set(suite, [...(pairs.get(suite) ?? []), c]);
  }
  const failed = (cells: readonly Cell[]) => cells.filter((c) => c.verdict === 'violated').length;
  const suites = [...pairs].map(([suite, cells]) =>
    [
      `  <testsuite${attrs({ name: suite, tests: cells.length, failures: failed(cells), errors: 0 })}>`,
      ...cells.map((c) => testCase(c, suite)),
      '  </testsuite>',
    ].join('\n'),
  );
  const name = `lingering matrix (${m.environment}, seed ${m.seed}, ${m.runs} runs)`;
  const root = attrs({ name, tests: m.cells.length, failures: failed(m.cells), errors: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join('\n')}\n</testsuites>\n`;
}
