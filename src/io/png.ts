import type { Diagram } from '../model/schema';
import { serializeDiagram } from './serialize';
import { toSvg, type SvgBadge } from './svg';
import { approximateMeasure, type TextMeasure } from './text-measure';
import { createTextChunk, DIAGRAM_TEXT_KEYWORD } from './png-chunks';
import { encodePng } from './png-encode';
import type { PngWorkerReply, PngWorkerRequest } from './png-worker-session';
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

/**
 * Opaque and CPU-backed (`willReadFrequently`): every pixel is read back to encode anyway, and
 * an opaque canvas is read back without un-premultiplying alpha.
 */
function createContext(width: number, height: number): { context: Context2D; release(): void } {
  const settings = { alpha: false, willReadFrequently: true } as const;
  const canvas =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d', settings) as Context2D | null;
  if (!context) throw new Error('The browser could not create a canvas to draw on.');
  return {
    context,
    // Frees the pixels now rather than when the collector gets to them.
    release: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

/**
 * Pixels drawn and encoded per strip: 16 MB of RGBA, about 260 rows of the widest picture.
 * Smaller strips overlap drawing and encoding better, but every strip replays the whole
 * drawing (a 1,000-card diagram's long edges cross them all).
 */
const STRIP_PIXELS = 1 << 22;

type Rows = Uint8ClampedArray<ArrayBuffer>;
type RenderRows = (y: number, rows: number) => Rows;

/** Thrown when the worker could not start (no `Worker`, a blocked script): encode here. */
class NoWorker extends Error {}

let worker: Worker | null | undefined;

/**
 * The encoder's worker, started on first use and then kept, so its compiled code stays warm
 * between exports. Null where there is no worker to be had.
 */
export function startPngWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return worker;
  try {
    const started = new Worker(new URL('./png-worker.ts', import.meta.url), {
      type: 'module',
      name: 'png-encoder',
    });
    // A worker that fails to load says so only by this event, maybe before any export.
    started.addEventListener('error', () => {
      started.terminate();
      if (worker === started) worker = null;
    });
    worker = started;
  } catch {
    // No worker here (a policy or a browser without module workers): encode on the page.
  }
  return worker;
}

/** A picture to draw and encode, `stripRows` rows at a time. */
interface Strips {
  readonly render: RenderRows;
  readonly width: number;
  readonly height: number;
  readonly stripRows: number;
  /** Whole chunks to put before IEND (the diagram's iTXt). */
  readonly chunks: readonly Uint8Array[];
}

function encodeInWorker(
  target: Worker,
  { render, width, height, stripRows, chunks }: Strips,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      target.removeEventListener('message', onMessage);
      target.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<PngWorkerReply>) => {
      stop();
      if (event.data.kind === 'done') resolve(event.data.png);
      else reject(new Error(event.data.message));
    };
    const onError = (event: Event) => {
      event.preventDefault();
      stop();
      reject(new NoWorker());
    };
    target.addEventListener('message', onMessage);
    target.addEventListener('error', onError);
    const post = (request: PngWorkerRequest, transfer: Transferable[] = []) =>
      target.postMessage(request, transfer);
    try {
      post({ kind: 'start', width, height, chunks });
      for (let y = 0; y < height; y += stripRows) {
        const rgba = render(y, Math.min(stripRows, height - y));
        // Handed over, not copied.
        post({ kind: 'rows', rgba }, [rgba.buffer]);
      }
      post({ kind: 'finish' });
    } catch (error) {
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * Draws and encodes strip by strip: in the worker while the page draws the next strip, or
 * here when there is no worker.
 */
async function encodeStrips(strips: Strips): Promise<Uint8Array<ArrayBuffer>> {
  const target = startPngWorker();
  if (target) {
    try {
      return await encodeInWorker(target, strips);
    } catch (error) {
      if (!(error instanceof NoWorker)) throw error;
    }
  }
  const { render, width, height, stripRows, chunks } = strips;
  return encodePng(render, width, height, { stripRows, chunks });
}

/**
 * The whole diagram (not the viewport) as a PNG: the export SVG rasterised at 2× on a solid
 * background, with the diagram's JSON in an iTXt chunk so that the picture opens again.
 */
export async function toPng(diagram: Diagram, options: PngOptions): Promise<PngResult> {
  // Started first, so the worker loads while the SVG is made and decoded.
  startPngWorker();
  const background = options.background ?? '#ffffff';
  const { svg, width, height } = toSvg(diagram, {
    measure: options.measure,
    background,
    ...(options.badges ? { badges: options.badges } : {}),
  });
  const scale = pngScale(width, height);
  const pixelWidth = Math.max(1, Math.floor(width * scale));
  const pixelHeight = Math.max(1, Math.floor(height * scale));
  // The SVG is sized to the picture so it is drawn as vectors at full resolution, not scaled
  // up, and stretched to it exactly (no `meet` margin), so its background covers every pixel.
  const sized = svg.replace(
    `width="${width}" height="${height}"`,
    `width="${pixelWidth}" height="${pixelHeight}" preserveAspectRatio="none"`,
  );
  const image = await decodeSvg(sized);
  const text = createTextChunk(DIAGRAM_TEXT_KEYWORD, serializeDiagram(diagram, { pretty: false }));

  // One small canvas, the drawing shifted up a strip at a time: the browser only rasterises
  // what falls inside it, and the whole picture (up to 1 GB) never exists at once.
  const stripRows = Math.max(1, Math.min(pixelHeight, Math.floor(STRIP_PIXELS / pixelWidth)));
  const { context, release } = createContext(pixelWidth, stripRows);
  try {
    const png = await encodeStrips({
      render: (y, rows) => {
        context.drawImage(image, 0, -y, pixelWidth, pixelHeight);
        return context.getImageData(0, 0, pixelWidth, rows).data;
      },
      width: pixelWidth,
      height: pixelHeight,
      stripRows,
      chunks: [text],
    });
    return {
      blob: new Blob([png], { type: 'image/png' }),
      width: pixelWidth,
      height: pixelHeight,
      scale,
    };
  } finally {
    release();
  }
}
