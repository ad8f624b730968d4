import { describe, expect, it } from 'vitest';
import { findKeyProblem } from './key-scan';

describe('findKeyProblem', () => {
  it('finds a key repeated in the top-level object', () => {
    expect(findKeyProblem('{"name":"a","nodes":[],"name":"b"}')).toMatchObject({
      path: 'name',
      message: expect.stringContaining('The key "name" appears twice') as string,
    });
  });

  it('gives the path of a duplicate deep inside arrays and objects', () => {
    const text = JSON.stringify({ nodes: [{ id: 'a' }, { id: 'b', data: { x: 1 } }] }).replace(
      '{"x":1}',
      '{"x":1,"x":2}',
    );
    expect(findKeyProblem(text)?.path).toBe('nodes[1].data.x');
  });

  it('sees through escapes: "a" and "\\u0061" are the same key', () => {
    expect(findKeyProblem('{"a":1,"\\u0061":2}')?.path).toBe('a');
  });

  it('is not fooled by keys, commas, braces and escaped quotes inside string values', () => {
    const text = JSON.stringify({
      a: 'x\\", "a": {',
      b: ['"a"', '{"b":1,"b":2}', '\\'],
      c: { a: 1, b: 2 },
    });
    expect(findKeyProblem(text)).toBeNull();
  });

  it('allows the same key in sibling and nested objects', () => {
    expect(findKeyProblem('{"id":1,"child":{"id":2},"list":[{"id":3},{"id":4}]}')).toBeNull();
  });

  it('allows whitespace anywhere JSON does', () => {
    expect(findKeyProblem('{ "a" : 1 ,\n  "b" : { "a" : 2 } ,\t"a" : 3 }')?.path).toBe('a');
  });

  it('scans a 5 MB file in well under a second', () => {
    const nodes = Array.from({ length: 40_000 }, (_, i) => ({
      id: `n${i}`,
      kind: 'stage',
      title: `Stage "${i}" \\ {x}`,
      position: { x: i, y: i },
      data: { owner: 'AE', exitCriteria: ['a', 'b'] },
    }));
    const text = JSON.stringify({ nodes });
    expect(text.length).toBeGreaterThan(4_000_000);
    const started = performance.now();
    expect(findKeyProblem(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
