import type { Diagram } from '../model/schema';
import { serializeDiagram } from './serialize';
import { toSvg, type SvgBadge } from './svg';
import { approximateMeasure, type TextMeasure } from './text-measure';
import { addTextChunk, DIAGRAM_TEXT_KEYWORD } from './png-chunks';
import { encodePng } from './png-encode';
/** Device pixels per diagram pixel: sharp on high-density screens and in slides. */
export const PNG_PIXEL_RATIO = 2;
/**
 * Past these the browser gives back an empty or failed canvas instead of an error (Chrome and
 * Firefox stop near 32,767 px a side and 268M pixels; Safari lower), so stay within the
 * smallest side every engine handles.
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_PIXELS = 268_435_456;

/** The pixel ratio to draw at: `ratio`, or less when the canvas would pass the limits. */
export function pngScale(width: number, height: number, ratio = PNG_PIXEL_RATIO): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const bySide = Math.min(MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (w * h));
  const scale = Math.min(ratio, bySide, byArea);
  // Rounded down to two decimals so the notice can name it and the canvas never rounds past.
  return scale >= ratio ? ratio : Math.floor(scale * 100) / 100;
}

/**
 * Text widths from the browser's own font engine, for `toSvg`: the same font string drawn in
 * the same system fonts gives the width the SVG will have when shown. Widths are cached, since
 * wrapping a thousand cards asks about the same words again and again.
 */
export function createCanvasMeasure(): TextMeasure {
  const context =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(1, 1).getContext('2d')
      : typeof document !== 'undefined'
        ? document.createElement('canvas').getContext('2d')
        : null;
  if (!context) return approximateMeasure;
  const cache = new Map<string, number>();
  let font = '';
  return (text, wanted) => {
    const key = `${wanted}\u0000${text}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    if (font !== wanted) {
      context.font = wanted;
      font = wanted;
    }
    const width = context.measureText(text).width;
    cache.set(key, width);
    return width;
  };
}

export interface PngOptions {
  readonly measure: TextMeasure;
  readonly badges?: ReadonlyMap<string, SvgBadge>;
  /** An opaque colour: the PNG has no alpha channel. */
  readonly background?: string;
}

export interface PngResult {
  readonly blob: Blob;
  /** Size of the picture in pixels, and the pixel ratio it was drawn at. */
  readonly width: number;
  readonly height: number;
  readonly scale: number;
}

async function decodeSvg(svg: string): Promise<HTMLImageElement> {
  // A blob: URL, not a data: URL, so megabytes of SVG need no base64 copy (CSP allows both).
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** CPU-backed (`willReadFrequently`): every pixel is read back to encode anyway. */
function createContext(width: number, height: number): { context: Context2D; release(): void } {
  const settings = { willReadFrequently: true } as const;
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d', settings) as Context2D | null;
  if (!context) throw new Error('The browser could not create a canvas to draw on.');
  return {
    context,
    // Frees the pixels now rather than when the collector gets to them: they can be 1 GB.
    release: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

/** The browser's own encoder, for the few without `CompressionStream`. */
function encodeWithCanvas(context: Context2D): Promise<Blob> {
  const { canvas } = context;
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error('The browser could not encode the picture.')),
      'image/png',
    ),
  );
}

async function encode(context: Context2D, width: number, height: number): Promise<Uint8Array> {
  if (typeof CompressionStream === 'undefined') {
    return new Uint8Array(await (await encodeWithCanvas(context)).arrayBuffer());
  }
  return encodePng((y, rows) => context.getImageData(0, y, width, rows).data, width, height);
}

/**
 * The whole diagram (not the viewport) as a PNG: the export SVG rasterised at 2× on a solid
 * background, with the diagram's JSON in an iTXt chunk so that the picture opens again.
 */
export async function toPng(diagram: Diagram, options: PngOptions): Promise<PngResult> {
  const background = options.background ?? '#ffffff';
  const { svg, width, height } = toSvg(diagram, {
    measure: options.measure,
    background,
    ...(options.badges ? { badges: options.badges } : {}),
  });
  const scale = pngScale(width, height);
  const pixelWidth = Math.max(1, Math.floor(width * scale));
  const pixelHeight = Math.max(1, Math.floor(height * scale));
  // The SVG is sized to the canvas so it is drawn as vectors at full resolution, not scaled up.
  const sized = svg.replace(
    `width="${width}" height="${height}"`,
    `width="${pixelWidth}" height="${pixelHeight}"`,
  );
  const image = await decodeSvg(sized);

  const { context, release } = createContext(pixelWidth, pixelHeight);
  try {
    context.fillStyle = background;
    context.fillRect(0, 0, pixelWidth, pixelHeight);
    context.drawImage(image, 0, 0, pixelWidth, pixelHeight);
    const png = await encode(context, pixelWidth, pixelHeight);
    const tagged = addTextChunk(
      png,
      DIAGRAM_TEXT_KEYWORD,
      serializeDiagram(diagram, { pretty: false }),
    );
    return {
      blob: new Blob([tagged], { type: 'image/png' }),
      width: pixelWidth,
      height: pixelHeight,
      scale,
    };
  } finally {
    release();
  }
}
