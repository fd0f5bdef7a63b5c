/**
 * The fixture generator (history/makeFixtures.ts): a fixture naming a design that does not exist
 * is refused by name rather than written. (That the committed fixtures are what it writes is
 * checked in cli/auditCommand.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { FIXTURES, fixtureText } from './makeFixtures.js';

describe('FIXTURES', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))(
    'describes %s as the run it records (its designs)',
    (_, f) => {
      expect(f.about).toContain(`under ${f.driver} × ${f.agent}`);
    },
  );

  it('names each file by its layout: JSON lines .jsonl, an array .json', () => {
    for (const f of FIXTURES) expect(f.file.endsWith('.jsonl')).toBe(f.layout === 'lines');
    expect(new Set(FIXTURES.map((f) => f.layout))).toEqual(new Set(['lines', 'array']));
  });
});

describe('fixtureText', () => {
  const [first] = FIXTURES;
  it.each([
    ['driver', { driver: 'no-such-driver' }],
    ['agent', { agent: 'no-such-agent' }],
  ])('refuses a fixture whose %s is unknown, naming the fixture', (_, change) => {
    expect(() => fixtureText({ ...first!, file: 'x.jsonl', ...change })).toThrow(
      'unknown variant in fixture x.jsonl',
    );
  });

  it("throws the engine's refusal of a fixture whose run is refused", () => {
    const never = { ...first!, file: 'x.jsonl', events: () => seq('r1') };
    expect(() => fixtureText(never)).toThrow('events[0] reset(1): flow 1 was never established');
  });

  it('writes JSON lines one payload a line, and an array indented, each with a final newline', () => {
    const lines = fixtureText({ ...first!, layout: 'lines' });
    expect(lines.endsWith('}\n')).toBe(true);
    expect(
      lines
        .trimEnd()
        .split('\n')
        .every((l) => 'conns' in (JSON.parse(l) as object)),
    ).toBe(true);
    const array = fixtureText({ ...first!, layout: 'array' });
    expect(array.startsWith('[\n  {\n    "conns": [')).toBe(true);
    expect(JSON.parse(array)).toEqual(
      lines
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    );
  });
});
