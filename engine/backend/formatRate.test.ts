import { describe, expect, it } from 'vitest';
import { formatRate } from './formatRate.js';

describe('formatRate', () => {
  it('shows a rate as a whole percentage, rounded', () => {
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(5 / 3)).toBe('167%');
    expect(formatRate(0.005)).toBe('1%');
  });

  it('shows the caller’s words, or a dash, while no close has shipped', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(null, '∞')).toBe('∞');
  });
});
