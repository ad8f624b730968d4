import {
  BAND_HEIGHT,
  BAND_LEFT,
  BAND_PADDING_TOP,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
  slotPosition,
} from '../bands';
import { layerOf, type NodeKind } from '../layers';
import type { Diagram } from '../schema';

/**
 * Where a new card of `kind` goes: the first empty slot of its layer's band, the first row left
 * to right, then the second, then past the right end, so a new card never lands on another.
 * The palette, paste and every quick fix that adds a card place it by this one rule. Linear in
 * the number of nodes.
 */
export function freeSlotFor(diagram: Diagram, kind: NodeKind): { x: number; y: number } {
  const layer = layerOf(kind);
  const top = bandTop(layer);
  const rowHeight = NODE_HEIGHT + 16;
  const pitch = NODE_WIDTH + NODE_GAP_X;
  const taken = [new Set<number>(), new Set<number>()];
  let rightmost = -1;
  for (const node of diagram.nodes) {
    const { x, y } = node.position;
    if (y < top || y >= top + BAND_HEIGHT) continue;
    const row = Math.round((y - top - BAND_PADDING_TOP) / rowHeight) > 0 ? 1 : 0;
    // A node covers the slots its width overlaps, not just the one its left edge is in.
    const first = Math.floor((x - BAND_LEFT) / pitch);
    const last = Math.floor((x + NODE_WIDTH - 1 - BAND_LEFT) / pitch);
    for (let column = first; column <= last; column++) taken[row]?.add(column);
    rightmost = Math.max(rightmost, last);
  }
  for (let row = 0; row < 2; row++) {
    for (let column = 0; column <= rightmost + 1; column++) {
      if (!taken[row]?.has(column)) return slotPosition(layer, column, row);
    }
  }
  return slotPosition(layer, rightmost + 1);
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
