import { describe, expect, it } from 'vitest';
import { approximateMeasure } from './text-measure';

describe('approximateMeasure', () => {
  const font = '400 12px system-ui';

  it('grows with the text and is zero for nothing', () => {
    expect(approximateMeasure('', font)).toBe(0);
    expect(approximateMeasure('ab', font)).toBeGreaterThan(approximateMeasure('a', font));
  });

  it('scales with the font size and weight in the font shorthand', () => {
    const small = approximateMeasure('Pipeline', '400 12px system-ui');
    expect(approximateMeasure('Pipeline', '400 24px system-ui')).toBeCloseTo(small * 2);
    expect(approximateMeasure('Pipeline', '600 12px system-ui')).toBeGreaterThan(small);
    expect(approximateMeasure('Pipeline', 'bold 12px system-ui')).toBeGreaterThan(small);
  });

  it('tells narrow, wide and full-width characters apart', () => {
    expect(approximateMeasure('iiii', font)).toBeLessThan(approximateMeasure('mmmm', font));
    expect(approximateMeasure('市场', font)).toBeCloseTo(24);
    expect(approximateMeasure('e\u0301', font)).toBe(approximateMeasure('e', font));
  });

  it('counts an emoji once, not per UTF-16 unit', () => {
    expect(approximateMeasure('👍', font)).toBeCloseTo(12);
  });
});
