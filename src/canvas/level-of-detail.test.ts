import { describe, expect, it } from 'vitest';
import { BIG_DIAGRAM, DETAIL_ZOOM } from './big-diagram';
import { selectDetailed } from './level-of-detail';

const state = (zoom: number, count: number) => ({
  transform: [0, 0, zoom] as [number, number, number],
  nodes: Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    position: { x: 0, y: 0 },
    data: {},
  })),
});

describe('level of detail', () => {
  it('draws full detail at readable zoom, whatever the size', () => {
    expect(selectDetailed(state(DETAIL_ZOOM, 5_000))).toBe(true);
    expect(selectDetailed(state(1, 5_000))).toBe(true);
  });

  it('draws compact cards only when a large diagram is zoomed out', () => {
    expect(selectDetailed(state(0.1, BIG_DIAGRAM + 1))).toBe(false);
    expect(selectDetailed(state(DETAIL_ZOOM - 0.01, 1_000))).toBe(false);
  });

  it('keeps small diagrams (every template) in full detail at any zoom', () => {
    expect(selectDetailed(state(0.1, BIG_DIAGRAM))).toBe(true);
    expect(selectDetailed(state(0.1, 12))).toBe(true);
  });
});
