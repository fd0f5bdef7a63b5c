/** The score script: equivalent mutants leave the denominator, stale entries are reported. */
import { describe, expect, it } from 'vitest';
import {
  applyMutant,
  mutationScore,
  originalText,
  parseEquivalentList,
  type MutationReport,
} from './mutationScore.js';

const at = (line: number, column: number, endColumn: number) => ({
  start: { line, column },
  end: { line, column: endColumn },
});
const report: MutationReport = {
  files: {
    'engine/a.ts': {
      source: 'const x = a - b;\nconst s = "why";\n',
      mutants: [
        {
          mutatorName: 'ArithmeticOperator',
          replacement: 'a + b',
          status: 'Killed',
          location: at(1, 11, 16),
        },
        {
          mutatorName: 'StringLiteral',
          replacement: '""',
          status: 'Survived',
          location: at(2, 11, 16),
        },
        {
          mutatorName: 'BlockStatement',
          replacement: '{}',
          status: 'NoCoverage',
          location: at(1, 1, 17),
        },
        {
          mutatorName: 'ArithmeticOperator',
          replacement: 'a * b',
          status: 'Timeout',
          location: at(1, 11, 16),
        },
        { mutatorName: 'X', replacement: 'y', status: 'CompileError', location: at(1, 1, 2) },
      ],
    },
  },
};
const entry = {
  file: 'engine/a.ts',
  mutator: 'StringLiteral',
  original: '"why"',
  replacement: '""',
  context: 'const s = "why";',
  reason: 'the string is only printed',
};

describe('mutationScore', () => {
  it('counts killed and timed-out mutants against survivors and uncovered ones, ignoring compile errors', () => {
    const r = mutationScore(report, { format: 'lingering-equivalent-mutants/v1', mutants: [] });
    expect([r.killed, r.survived, r.equivalent, r.rawScore, r.score]).toEqual([2, 2, 0, 50, 50]);
    expect(r.survivors.map((s) => [s.line, s.original])).toEqual([
      [2, '"why"'],
      [1, 'const x = a - b;'],
    ]);
  });

  it('leaves a listed equivalent mutant out of the score, matched by its source text', () => {
    const r = mutationScore(report, {
      format: 'lingering-equivalent-mutants/v1',
      mutants: [entry],
    });
    expect([r.survived, r.equivalent, r.rawScore, r.score, r.stale.length]).toEqual([
      1, 1, 50, 66.67, 0,
    ]);
  });

  it('tells apart equal mutants on different lines by their line text', () => {
    const other = { ...entry, context: 'const t = "why";' };
    const r = mutationScore(report, {
      format: 'lingering-equivalent-mutants/v1',
      mutants: [other],
    });
    expect([r.survived, r.equivalent, r.stale]).toEqual([2, 0, [other]]);
  });

  it('reports a listed mutant that no longer survives as stale', () => {
    const gone = { ...entry, original: '"other"' };
    expect(
      mutationScore(report, { format: 'lingering-equivalent-mutants/v1', mutants: [gone] }).stale,
    ).toEqual([gone]);
  });

  it('leaves unjudged an entry of a file the report did not mutate', () => {
    const elsewhere = { ...entry, file: 'cli/notRunYet.ts' };
    expect(
      mutationScore(report, { format: 'lingering-equivalent-mutants/v1', mutants: [elsewhere] })
        .stale,
    ).toEqual([]);
  });

  it('reads a multi-line range and refuses a list without reasons', () => {
    expect(originalText('ab\ncd\nef', { line: 1, column: 2 }, { line: 3, column: 2 })).toBe(
      'b\ncd\ne',
    );
    expect(() =>
      parseEquivalentList(
        JSON.stringify({
          format: 'lingering-equivalent-mutants/v1',
          mutants: [{ ...entry, reason: '' }],
        }),
      ),
    ).toThrow();
  });

  it('writes a mutant into the source by its range', () => {
    expect(
      applyMutant(
        'const x = a - b;\nconst s = "why";\n',
        { line: 2, column: 11 },
        { line: 2, column: 16 },
        '""',
      ),
    ).toBe('const x = a - b;\nconst s = "";\n');
  });

  it('counts a static mutant killed on re-test as killed, and only a static one', () => {
    const staticReport: MutationReport = {
      files: {
        'engine/a.ts': {
          ...report.files['engine/a.ts']!,
          mutants: report.files['engine/a.ts']!.mutants.map((m) =>
            m.mutatorName === 'StringLiteral' ? { ...m, static: true } : m,
          ),
        },
      },
    };
    const retest = {
      file: 'engine/a.ts',
      mutator: 'StringLiteral',
      original: '"why"',
      replacement: '""',
      context: 'const s = "why";',
      status: 'Killed',
    };
    const r = mutationScore(
      staticReport,
      { format: 'lingering-equivalent-mutants/v1', mutants: [] },
      [retest],
    );
    expect([r.killed, r.killedOnRetest, r.survived, r.rawScore, r.score]).toEqual([
      3, 1, 1, 50, 75,
    ]);
    expect(
      mutationScore(report, { format: 'lingering-equivalent-mutants/v1', mutants: [] }, [retest])
        .killedOnRetest,
    ).toBe(0);
  });
});

describe('mutationScore with ignoreStatic and several directories', () => {
  const cliFile = {
    source: 'export const HELP = "help";\n',
    mutants: [
      {
        mutatorName: 'StringLiteral',
        replacement: '""',
        status: 'Ignored',
        static: true,
        location: at(1, 21, 27),
      },
      {
        mutatorName: 'StringLiteral',
        replacement: '"x"',
        status: 'Ignored',
        location: at(1, 21, 27),
      },
    ],
  };
  const two: MutationReport = { files: { ...report.files, 'cli/help.ts': cliFile } };
  const none = { format: 'lingering-equivalent-mutants/v1' as const, mutants: [] };

  it('counts a static mutant Stryker ignored as alive until the re-test kills it', () => {
    const before = mutationScore(two, none);
    expect([before.killed, before.survived]).toEqual([2, 3]);
    const retest = {
      file: 'cli/help.ts',
      mutator: 'StringLiteral',
      original: '"help"',
      replacement: '""',
      context: 'export const HELP = "help";',
      status: 'Killed',
    };
    const after = mutationScore(two, none, [retest]);
    expect([after.killed, after.survived, after.killedOnRetest]).toEqual([3, 2, 1]);
  });

  it('gives each top directory its own score', () => {
    expect(mutationScore(two, none).byDirectory).toEqual({
      cli: { killed: 0, survived: 1, score: 0 },
      engine: { killed: 2, survived: 2, score: 50 },
    });
  });
});
