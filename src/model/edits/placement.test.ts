import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH, bandTop, slotPosition } from '../bands';
import { createDiagram, createNode } from '../factories';
import type { Diagram } from '../schema';
import { dropPosition, freeSlotFor } from './placement';

const withStages = (columns: readonly number[]): Diagram => ({
  ...createDiagram(),
  nodes: columns.map((c) => createNode('stage', slotPosition('sales', c), `S${c}`)),
});

describe('freeSlotFor', () => {
  it('takes the first free slot of the band, and keeps a new card inside its band', () => {
    const slot = freeSlotFor(withStages([0, 1, 3]), 'stage');
    expect(slot).toEqual(slotPosition('sales', 2));
    const full = freeSlotFor(withStages([0, 1, 2, 3, 4, 5, 6, 7]), 'stage');
    expect(full.y + NODE_HEIGHT).toBeLessThanOrEqual(bandTop('sales') + BAND_HEIGHT);
  });

  it('picks the first free slot on screen, not one scrolled out of view', () => {
    const seen = { left: slotPosition('sales', 5).x - 10, right: slotPosition('sales', 9).x };
    expect(freeSlotFor(withStages([0, 1, 5, 6]), 'stage', seen)).toEqual(slotPosition('sales', 7));
  });

  it('takes the free slot nearest the screen when the band on screen is full', () => {
    const seen = { left: slotPosition('sales', 2).x, right: slotPosition('sales', 4).x };
    expect(freeSlotFor(withStages([1, 2, 3, 5]), 'stage', seen)).toEqual(slotPosition('sales', 4));
  });
});

describe('dropPosition', () => {
  it('keeps a card where it was dropped on empty canvas', () => {
    const at = { x: 900, y: bandTop('sales') + 60 };
    expect(dropPosition(withStages([0]), 'stage', at)).toEqual(at);
  });

  it('moves a card dropped onto another just beside it, on the nearer side', () => {
    const diagram = withStages([0, 1]);
    const onSecond = slotPosition('sales', 1);
    const at = dropPosition(diagram, 'stage', { x: onSecond.x + 40, y: onSecond.y + 10 });
    for (const node of diagram.nodes) {
      const clear =
        Math.abs(node.position.x - at.x) >= NODE_WIDTH ||
        Math.abs(node.position.y - at.y) >= NODE_HEIGHT;
      expect(clear, node.title).toBe(true);
    }
    expect(at.x).toBeGreaterThan(onSecond.x);
  });
});
