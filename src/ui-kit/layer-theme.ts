/** The canvas reads the shared palette (src/model/layer-palette.ts) under its own name. */
export { LAYER_PALETTE as LAYER_THEME } from '../model/layer-palette';
