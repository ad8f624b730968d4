import type { LayerId } from '../model/layers';

/**
 * Layer colours for the canvas (Tailwind palette steps). Chosen so that text on `soft`
 * keeps at least 4.5:1 contrast and each layer stays distinct for common colour blindness.
 */
export const LAYER_THEME: Readonly<
  Record<LayerId, { accent: string; soft: string; band: string; text: string }>
> = {
  icp: { accent: '#7c3aed', soft: '#f5f3ff', band: '#faf8ff', text: '#5b21b6' },
  positioning: { accent: '#db2777', soft: '#fdf2f8', band: '#fffafc', text: '#9d174d' },
  channels: { accent: '#ea580c', soft: '#fff7ed', band: '#fffbf6', text: '#9a3412' },
  sales: { accent: '#0284c7', soft: '#f0f9ff', band: '#f7fcff', text: '#075985' },
  revops: { accent: '#059669', soft: '#ecfdf5', band: '#f6fefa', text: '#065f46' },
};
