import {
  BAND_HEIGHT,
  BAND_LEFT,
  NODE_GAP_X,
  NODE_HEIGHT,
  NODE_WIDTH,
  bandTop,
  slotPosition,
} from '../bands';
import { layerOf, type NodeKind } from '../layers';
import type { Diagram } from '../schema';

/** A stretch of the canvas along x, in diagram coordinates: what the user sees of it. */
export interface XRange {
  readonly left: number;
  readonly right: number;
}

/**
 * Where a new card of `kind` goes: the first empty slot of its layer's band, left to right, so
 * a new card never lands on another. Given `within` (the part of the band on screen), the
 * first empty slot there, else the empty slot nearest to it, so a palette click lands where
 * the user is looking (issue 16). A band holds one row of slots: a second row would reach into
 * the band below. The palette, paste and every quick fix place a new card by this one rule.
 * Linear in the number of nodes.
 */
export function freeSlotFor(
  diagram: Diagram,
  kind: NodeKind,
  within?: XRange,
): { x: number; y: number } {
  const layer = layerOf(kind);
  const top = bandTop(layer);
  const pitch = NODE_WIDTH + NODE_GAP_X;
  const taken = new Set<number>();
  let rightmost = -1;
  for (const node of diagram.nodes) {
    const { x, y } = node.position;
    if (y + NODE_HEIGHT <= top || y >= top + BAND_HEIGHT) continue;
    // A node covers the slots its width overlaps, not just the one its left edge is in.
    const first = Math.floor((x - BAND_LEFT) / pitch);
    const last = Math.floor((x + NODE_WIDTH - 1 - BAND_LEFT) / pitch);
    for (let column = first; column <= last; column++) taken.add(column);
    rightmost = Math.max(rightmost, last);
  }
  const isFree = (column: number) => column >= 0 && !taken.has(column);
  if (!within) {
    for (let column = 0; column <= rightmost + 1; column++) {
      if (isFree(column)) return slotPosition(layer, column);
    }
    return slotPosition(layer, rightmost + 1);
  }
  const firstSeen = Math.max(0, Math.ceil((within.left - BAND_LEFT) / pitch));
  const lastSeen = Math.floor((within.right - NODE_WIDTH - BAND_LEFT) / pitch);
  for (let column = firstSeen; column <= lastSeen; column++) {
    if (isFree(column)) return slotPosition(layer, column);
  }
  // Nothing free on screen: the nearest free slot either side (the view then follows it).
  for (let distance = 1; ; distance++) {
    if (isFree(lastSeen + distance)) return slotPosition(layer, lastSeen + distance);
    if (isFree(firstSeen - distance)) return slotPosition(layer, firstSeen - distance);
  }
}

/** Cards keep at least this much air between them when one is dropped next to another. */
const DROP_GAP = 20;

/**
 * Where a card dropped at `position` lands: there, kept in its band, or if it would cover a
 * card already in the band, the nearest spot along the band where it covers none (issue 16).
 */
export function dropPosition(
  diagram: Diagram,
  kind: NodeKind,
  position: { x: number; y: number },
): { x: number; y: number } {
  const at = clampToBand(kind, position);
  const covers = (x: number) =>
    diagram.nodes.some(
      (node) =>
        Math.abs(node.position.x - x) < NODE_WIDTH + DROP_GAP &&
        Math.abs(node.position.y - at.y) < NODE_HEIGHT + DROP_GAP,
    );
  if (!covers(at.x)) return at;
  // Candidates are the spots just beside each card in the way, nearest first.
  const candidates = diagram.nodes
    .filter((node) => Math.abs(node.position.y - at.y) < NODE_HEIGHT + DROP_GAP)
    .flatMap((node) => [
      node.position.x - NODE_WIDTH - DROP_GAP,
      node.position.x + NODE_WIDTH + DROP_GAP,
    ])
    .sort((a, b) => Math.abs(a - at.x) - Math.abs(b - at.x));
  const x = candidates.find((candidate) => !covers(candidate));
  return { x: x ?? at.x, y: at.y };
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
