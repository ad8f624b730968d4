import type { LayerId } from './layers';

/**
 * One palette for the canvas and every export, so a PNG or SVG looks like the editor.
 * `accent` is the layer's stripe and icon colour; `text` its ink (≥ 7:1 on `soft` and `band`);
 * `soft` a chip tint; `band` the band background. Distinct hues per layer, and the layer is
 * always named in text too, so colour is never the only cue.
 */
export const LAYER_PALETTE: Readonly<
  Record<LayerId, { accent: string; soft: string; band: string; text: string }>
> = {
  icp: { accent: '#7c3aed', soft: '#f5f3ff', band: '#faf8ff', text: '#5b21b6' },
  positioning: { accent: '#db2777', soft: '#fdf2f8', band: '#fffafc', text: '#9d174d' },
  channels: { accent: '#ea580c', soft: '#fff7ed', band: '#fffbf6', text: '#9a3412' },
  sales: { accent: '#0284c7', soft: '#f0f9ff', band: '#f7fcff', text: '#075985' },
  revops: { accent: '#059669', soft: '#ecfdf5', band: '#f6fefa', text: '#065f46' },
};
