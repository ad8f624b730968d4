/**
 * `target.push(...items)` passes every item as an argument, and past about 100,000 of them
 * the engine throws "Maximum call stack size exceeded"; a diagram file may hold that many
 * findings, nodes or lines. These do the same work in a loop.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` for none (`Math.max(...values)` has the same limit). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const value of values) if (value > max) max = value;
  return max;
}
