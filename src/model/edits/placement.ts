import { BAND_HEIGHT, NODE_GAP_X, NODE_HEIGHT, NODE_WIDTH, bandTop, slotPosition } from '../bands';
import { layerOf, type NodeKind } from '../layers';
import type { Diagram } from '../schema';

/**
 * The first free slot in the kind's band, scanning left to right then row by row, so a new
 * node never lands on top of another. Linear in the number of nodes in that band.
 */
export function freeSlotFor(diagram: Diagram, kind: NodeKind): { x: number; y: number } {
  const layer = layerOf(kind);
  const top = bandTop(layer);
  const occupied = diagram.nodes.filter(
    (node) => node.position.y + NODE_HEIGHT > top && node.position.y < top + BAND_HEIGHT,
  );
  for (let row = 0; row < 2; row++) {
    for (let column = 0; column < 200; column++) {
      const slot = slotPosition(layer, column, row);
      const clash = occupied.some(
        (node) =>
          Math.abs(node.position.x - slot.x) < NODE_WIDTH + NODE_GAP_X / 2 &&
          Math.abs(node.position.y - slot.y) < NODE_HEIGHT,
      );
      if (!clash) return slot;
    }
  }
  return slotPosition(layer, occupied.length);
}

const BAND_MARGIN = 8;

/**
 * A node's kind fixes its layer, so dragging moves it freely along its band but never into
 * another one, where it would read as belonging to the wrong layer.
 */
export function clampToBand(
  kind: NodeKind,
  position: { x: number; y: number },
): { x: number; y: number } {
  const top = bandTop(layerOf(kind));
  const minY = top + BAND_MARGIN;
  const maxY = top + BAND_HEIGHT - NODE_HEIGHT - BAND_MARGIN;
  return { x: position.x, y: Math.min(maxY, Math.max(minY, position.y)) };
}
