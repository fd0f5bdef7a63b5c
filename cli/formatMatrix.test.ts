/**
 * `formatMatrix`, the matrix for people (`lingering matrix` without `--json`): one row per
 * driver × agent pair, one numbered column per invariant (`✓`, `✗n`, or `-` for a cell the matrix
 * lacks), a legend of the invariants' statements, then which scenarios each pair reached. The
 * matrices here are built by hand, so each test takes milliseconds instead of a matrix run.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, Matrix, Reached } from '../checking/matrix.js';
import { matrixExtras } from '../checking/matrixExtras.js';
import { invariants } from '../invariants/index.js';
import { formatMatrix, matrixJson } from './matrixCommand.js';

/** The catalogue's statement of an invariant, as the legend prints it. */
function statement(name: string): string {
  const found = [...invariants, ...matrixExtras].find((i) => i.name === name);
  if (found === undefined) throw new Error(`no invariant ${name}`);
  return found.statement;
}

const holds = (driver: string, agent: string, invariant: string): Cell => ({
  driver,
  agent,
  invariant,
  verdict: 'holds',
  tried: 3,
  counterexampleLength: null,
  counterexample: null,
});

const violated = (driver: string, agent: string, invariant: string, length: number): Cell => ({
  driver,
  agent,
  invariant,
  verdict: 'violated',
  tried: 1,
  counterexampleLength: length,
  counterexample: [],
});

const reached = (driver: string, agent: string, scenario: string, runs: number): Reached => ({
  driver,
  agent,
  scenario,
  runs,
});

const matrix = (cells: readonly Cell[], sometimes: readonly Reached[]): Matrix => ({
  environment: 'isolated',
  seed: 7,
  runs: 3,
  layers: 2,
  cells,
  sometimes,
});

const HEADER = [
  'lingering matrix: isolated environment, seed 7, 3 generated sequences per pair (1–4 flows, L=2, step level)',
  '✓ holds on every sequence; ✗n violated, with a shrunk counterexample of n events',
  '',
];

describe('formatMatrix', () => {
  it('prints a row per pair and a column per invariant, each cell its own verdict', () => {
    // Two pairs share a driver and two share an agent, and their verdicts differ, so each cell
    // shows the verdict of its own driver, agent and invariant; one pair lacks a cell.
    const m = matrix(
      [
        violated('original', 'prefix', 'RateAtMost100', 3),
        holds('original', 'prefix', 'CloseReportedOnce'),
        violated('original', 'prefix', 'EngineMatchesModel', 12),
        holds('original', 'close-record', 'RateAtMost100'),
        violated('original', 'close-record', 'CloseReportedOnce', 5),
        violated('flow-lock', 'prefix', 'RateAtMost100', 7),
        holds('flow-lock', 'prefix', 'CloseReportedOnce'),
        holds('flow-lock', 'prefix', 'EngineMatchesModel'),
      ],
      [
        reached('original', 'prefix', 'TrafficAfterEnd', 2),
        reached('original', 'prefix', 'TupleMergedInOnePoll', 3),
        reached('original', 'close-record', 'TrafficAfterEnd', 1),
        reached('original', 'close-record', 'TupleMergedInOnePoll', 2),
        reached('flow-lock', 'prefix', 'TrafficAfterEnd', 3),
        reached('flow-lock', 'prefix', 'TupleMergedInOnePoll', 2),
      ],
    );

    const text = formatMatrix(m);

    // The columns are as wide as the longest driver (9) and agent (12) names.
    expect(text).toBe(
      [
        ...HEADER,
        'driver     agent         1   2   3',
        'original   prefix        ✗3  ✓   ✗12',
        'original   close-record  ✓   ✗5  -',
        'flow-lock  prefix        ✗7  ✓   ✓',
        '',
        `1  RateAtMost100: ${statement('RateAtMost100')}`,
        `2  CloseReportedOnce: ${statement('CloseReportedOnce')}`,
        `3  EngineMatchesModel: ${statement('EngineMatchesModel')}`,
        '',
        'every pair reached every scenario (TrafficAfterEnd, TupleMergedInOnePoll) in at least 1 of its 3 sequences',
        '',
      ].join('\n'),
    );
  });

  it('names each pair and scenario never reached instead of the least count', () => {
    // Only the scenarios with no run are listed: the others were reached.
    const m = matrix(
      [
        holds('original', 'prefix', 'RateAtMost100'),
        holds('cas-retry', 'postfix', 'RateAtMost100'),
      ],
      [
        reached('original', 'prefix', 'TrafficAfterEnd', 2),
        reached('original', 'prefix', 'TupleMergedInOnePoll', 0),
        reached('cas-retry', 'postfix', 'TrafficAfterEnd', 0),
        reached('cas-retry', 'postfix', 'TupleMergedInOnePoll', 1),
      ],
    );

    const text = formatMatrix(m);

    expect(text).toBe(
      [
        ...HEADER,
        'driver     agent    1',
        'original   prefix   ✓',
        'cas-retry  postfix  ✓',
        '',
        `1  RateAtMost100: ${statement('RateAtMost100')}`,
        '',
        'scenarios never reached (the holds of these pairs say little):',
        '  original × prefix: TupleMergedInOnePoll',
        '  cas-retry × postfix: TrafficAfterEnd',
        '',
      ].join('\n'),
    );
  });

  it('leaves the statement empty for a claim outside the catalogue', () => {
    // runMatrix accepts extra claims of any name; the legend still numbers them.
    const m = matrix(
      [violated('original', 'prefix', 'MyClaim', 4)],
      [reached('original', 'prefix', 'TrafficAfterEnd', 3)],
    );

    const text = formatMatrix(m);

    expect(text).toBe(
      [
        ...HEADER,
        'driver    agent   1',
        'original  prefix  ✗4',
        '',
        '1  MyClaim: ',
        '',
        'every pair reached every scenario (TrafficAfterEnd) in at least 3 of its 3 sequences',
        '',
      ].join('\n'),
    );
  });
});

describe('matrixJson', () => {
  it('lists as vacuous only the pairs and scenarios with no run, without their counts', () => {
    const sometimes = [
      reached('original', 'prefix', 'TrafficAfterEnd', 2),
      reached('original', 'prefix', 'TupleMergedInOnePoll', 0),
      reached('cas-retry', 'postfix', 'TrafficAfterEnd', 0),
    ];
    const json = matrixJson(matrix([holds('original', 'prefix', 'RateAtMost100')], sometimes));
    expect(json.sometimes).toEqual(sometimes);
    expect(json.vacuous).toEqual([
      { driver: 'original', agent: 'prefix', scenario: 'TupleMergedInOnePoll' },
      { driver: 'cas-retry', agent: 'postfix', scenario: 'TrafficAfterEnd' },
    ]);
  });
});
