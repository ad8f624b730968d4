import { describe, expect, it } from 'vitest';
import { createTextChunk, readChunks, readPngSize, readTextChunk } from './png-chunks';
import { createPngWorkerSession } from './png-worker-session';

const white = (width: number, rows: number) => new Uint8Array(width * rows * 4).fill(255);

describe('createPngWorkerSession', () => {
  it('answers a started picture, fed strip by strip, with the PNG and its chunks', () => {
    const handle = createPngWorkerSession();
    const chunks = [createTextChunk('gtm-blueprint', '{}')];
    expect(handle({ kind: 'start', width: 4, height: 3, chunks })).toBeNull();
    expect(handle({ kind: 'rows', rgba: white(4, 2) })).toBeNull();
    expect(handle({ kind: 'rows', rgba: white(4, 1) })).toBeNull();
    const reply = handle({ kind: 'finish' });
    if (reply?.kind !== 'done') throw new Error(`not done: ${JSON.stringify(reply)}`);
    expect(readPngSize(reply.png)).toEqual({ width: 4, height: 3 });
    expect(readChunks(reply.png)!.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(readTextChunk(reply.png, 'gtm-blueprint')).toEqual({ ok: true, text: '{}' });
  });

  it('reports a failure at finish, drops the strips after it, and starts afresh', () => {
    const handle = createPngWorkerSession();
    handle({ kind: 'start', width: 4, height: 2, chunks: [] });
    expect(handle({ kind: 'rows', rgba: new Uint8Array(5) })).toBeNull();
    expect(handle({ kind: 'rows', rgba: white(4, 2) })).toBeNull();
    expect(handle({ kind: 'finish' })).toEqual({
      kind: 'failed',
      message: 'The pixels do not fit the picture.',
    });
    handle({ kind: 'start', width: 4, height: 2, chunks: [] });
    handle({ kind: 'rows', rgba: white(4, 2) });
    expect(handle({ kind: 'finish' })?.kind).toBe('done');
  });

  it('says so when strips or finish come without a start', () => {
    const handle = createPngWorkerSession();
    expect(handle({ kind: 'rows', rgba: white(1, 1) })).toBeNull();
    expect(handle({ kind: 'finish' })).toEqual({
      kind: 'failed',
      message: 'The picture was never started.',
    });
  });

  it('reports missing rows rather than writing a short picture', () => {
    const handle = createPngWorkerSession();
    handle({ kind: 'start', width: 2, height: 4, chunks: [] });
    handle({ kind: 'rows', rgba: white(2, 3) });
    expect(handle({ kind: 'finish' })).toEqual({
      kind: 'failed',
      message: 'The picture is missing 1 of its 4 rows.',
    });
  });
});
