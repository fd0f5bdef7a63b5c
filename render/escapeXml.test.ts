import { describe, expect, it } from 'vitest';
import { escapeXml } from './escapeXml.js';

describe('escapeXml', () => {
  it('escapes the five characters XML reserves, the ampersand first', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(
      'a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;',
    );
  });

  it('leaves other text alone', () => {
    expect(escapeXml('failures ≤ closes')).toBe('failures ≤ closes');
  });
});
