import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from './arrays';

const MANY = 500_000;

describe('appendAll', () => {
  it('appends more items than a spread call can take', () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target).toHaveLength(MANY + 1);
    expect(target.at(-1)).toBe(MANY - 1);
  });
});

describe('maxOf', () => {
  it('finds the largest of more values than Math.max can take', () => {
    const values = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    expect(maxOf(values)).toBe(MANY - 1);
  });

  it('gives the fallback for no values', () => {
    expect(maxOf([], 0)).toBe(0);
  });
});
