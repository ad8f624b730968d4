import { layerIndex, type LayerId } from './layers';

/**
 * Canvas geometry shared by the editor, templates, layout and the SVG export: the five layers
 * are horizontal bands of equal height, stacked top to bottom in domain order.
 */
export const BAND_HEIGHT = 260;
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 112;
export const NODE_GAP_X = 60;
/** Nodes sit this far below their band's top edge, leaving room for the band label. */
export const BAND_PADDING_TOP = 56;
export const BAND_LEFT = 40;
/** Cards snap to this grid (px) when dragged, on the canvas and in the overview picture. */
export const GRID = 20;

export function bandTop(layer: LayerId): number {
  return layerIndex(layer) * BAND_HEIGHT;
}

/** Position of the n-th slot (0-based) in a band, left to right; `row` is for callers' own grids. */
export function slotPosition(layer: LayerId, column: number, row = 0): { x: number; y: number } {
  return {
    x: BAND_LEFT + column * (NODE_WIDTH + NODE_GAP_X),
    y: bandTop(layer) + BAND_PADDING_TOP + row * (NODE_HEIGHT + 16),
  };
}
