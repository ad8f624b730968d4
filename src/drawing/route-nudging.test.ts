import { describe, expect, it } from 'vitest';
import type { Point, Rect } from './geometry';
import { NUDGE_STEP, nudgeRoutes } from './route-nudging';

describe('route nudging', () => {
  const a: Point[] = [
    [0, 0],
    [0, 100],
    [300, 100],
    [300, 200],
  ];
  const b: Point[] = [
    [50, 0],
    [50, 100],
    [400, 100],
    [400, 200],
  ];

  it('spreads two routes sharing a run apart, ends left on their handles', () => {
    const [na, nb] = nudgeRoutes([a, b], () => []);
    expect(na![1]![1]).not.toBe(nb![1]![1]);
    expect(Math.abs(na![1]![1] - nb![1]![1])).toBe(NUDGE_STEP);
    expect(na![0]).toEqual(a[0]);
    expect(nb!.at(-1)).toEqual(b.at(-1));
  });

  it('leaves a run where moving it would enter a card', () => {
    // Just above the shared run: moving up into it is refused, moving down is not.
    const card: Rect = { x: 100, y: 90, width: 100, height: 9.5 };
    const [na, nb] = nudgeRoutes([a, b], () => [card]);
    expect(na).toEqual(a);
    expect(nb![1]![1]).toBe(100 + NUDGE_STEP / 2);
  });
});
