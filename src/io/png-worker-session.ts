import { PngEncoder } from './png-encode';

/** What the page sends the PNG worker: one picture is `start`, its strips in order, `finish`. */
export type PngWorkerRequest =
  | {
      readonly kind: 'start';
      readonly width: number;
      readonly height: number;
      /** Whole chunks to put before IEND (the diagram's iTXt). */
      readonly chunks: readonly Uint8Array[];
    }
  | { readonly kind: 'rows'; readonly rgba: Uint8ClampedArray | Uint8Array }
  | { readonly kind: 'finish' };

/** The worker's one answer per picture, to `finish`. */
export type PngWorkerReply =
  | { readonly kind: 'done'; readonly png: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The worker's side of the exchange, without the worker: takes each request and returns the
 * reply to send, if any. Never throws; after a failure the rest of that picture's strips are
 * dropped and `finish` reports the failure.
 */
export function createPngWorkerSession(): (request: PngWorkerRequest) => PngWorkerReply | null {
  let encoder: PngEncoder | null = null;
  let chunks: readonly Uint8Array[] = [];
  let failure: string | null = null;
  return (request) => {
    try {
      if (request.kind === 'start') {
        failure = null;
        chunks = request.chunks;
        encoder = new PngEncoder(request.width, request.height);
        return null;
      }
      if (failure !== null || !encoder) {
        return request.kind === 'finish'
          ? { kind: 'failed', message: failure ?? 'The picture was never started.' }
          : null;
      }
      if (request.kind === 'rows') {
        encoder.write(request.rgba);
        return null;
      }
      const png = encoder.finish(chunks);
      encoder = null;
      return { kind: 'done', png };
    } catch (error) {
      encoder = null;
      failure = error instanceof Error ? error.message : String(error);
      return request.kind === 'finish' ? { kind: 'failed', message: failure } : null;
    }
  };
}
