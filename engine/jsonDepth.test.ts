import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from './jsonDepth.js';

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets in strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,"]"]}')).toBe(2);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth('[[]]\n[[[]]]')).toBe(3);
  });

  it('stops just past the limit on deep input', () => {
    expect(jsonDepth('['.repeat(100_000))).toBe(MAX_JSON_DEPTH + 1);
    expect(jsonDepth(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe(
      MAX_JSON_DEPTH,
    );
  });
});
