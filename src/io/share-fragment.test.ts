import { describe, expect, it } from 'vitest';
import { sharePayloadOf } from './share-fragment';

describe('sharePayloadOf', () => {
  it.each([
    ['#d=abc', 'abc'],
    ['d=abc', 'abc'],
    ['#view=1&d=a$b+c&x=2', 'a$b+c'],
    ['#d=', ''],
  ])('finds the diagram in %s', (hash, payload) => {
    expect(sharePayloadOf(hash)).toBe(payload);
  });

  it.each(['', '#', '#other', '#dd=abc&xd=1'])('finds none in "%s"', (hash) => {
    expect(sharePayloadOf(hash)).toBeNull();
  });
});
