import fc from 'fast-check';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  createTextChunk,
  DIAGRAM_TEXT_KEYWORD,
  isIntact,
  readChunks,
  readPngSize,
  readTextChunk,
} from './png-chunks';
import { encodePng, PngEncoder } from './png-encode';

function pixels(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out.set([(i * 37) % 256, (i * 11) % 256, (i * 3 + 200) % 256, 255], i * 4);
  }
  return out;
}

/** A flat picture with what a diagram has: a band, a card, a line, a soft diagonal. */
function diagramLike(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb = [255, 255, 255];
      if (y >= 20 && y < 60) rgb = [248, 250, 252];
      if (x >= 30 && x < 90 && y >= 25 && y < 55)
        rgb = x === 30 || y === 25 ? [51, 65, 85] : [224, 242, 254];
      if (y === 70) rgb = [100, 116, 139];
      const d = Math.abs(x - 2 * y);
      if (d < 2) rgb = rgb.map((v) => Math.round(v * (0.4 + 0.3 * d)));
      out.set([...rgb, 255], (y * width + x) * 4);
    }
  }
  return out;
}

/** Decodes an RGB PNG with Node's zlib and the PNG spec's unfiltering, all five filters. */
function decode(png: Uint8Array): Uint8Array {
  const { width, height } = readPngSize(png)!;
  const idat = readChunks(png)!.filter((c) => c.type === 'IDAT');
  const raw = inflateSync(Buffer.concat(idat.map((c) => c.data)));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const out = new Uint8Array(width * height * 4);
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const a = i >= 3 ? rgb[y * stride + i - 3]! : 0;
      const b = y > 0 ? rgb[(y - 1) * stride + i]! : 0;
      const c = i >= 3 && y > 0 ? rgb[(y - 1) * stride + i - 3]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][
        filter!
      ]!;
      rgb[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predicted) & 0xff;
    }
  }
  for (let i = 0; i < width * height; i++) out.set([...rgb.subarray(i * 3, i * 3 + 3), 255], i * 4);
  return out;
}

const opaque = (rgba: Uint8Array) => rgba.map((v, i) => (i % 4 === 3 ? 255 : v));

function encodeAll(source: Uint8Array, width: number, height: number, stripRows: number) {
  return encodePng(
    (y, rows) => source.subarray(y * width * 4, (y + rows) * width * 4),
    width,
    height,
    { stripRows },
  );
}

describe('encodePng', () => {
  it('writes an opaque RGB PNG whose pixels decode back exactly, across strips', () => {
    const width = 7;
    const height = 150;
    const source = pixels(width, height);
    const reads: number[][] = [];
    const png = encodePng(
      (y, rows) => {
        reads.push([y, rows]);
        return source.subarray(y * width * 4, (y + rows) * width * 4);
      },
      width,
      height,
      { stripRows: 64 },
    );
    expect(reads).toEqual([
      [0, 64],
      [64, 64],
      [128, 22],
    ]);
    expect(readPngSize(png)).toEqual({ width, height });
    const chunks = readChunks(png)!;
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every(isIntact)).toBe(true);
    expect([...chunks[0]!.data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    expect(decode(png)).toEqual(source);
  });

  it('gives the same file whatever the strip height', () => {
    const width = 120;
    const height = 90;
    const source = diagramLike(width, height);
    const whole = encodeAll(source, width, height, height);
    expect(decode(whole)).toEqual(source);
    for (const strip of [1, 2, 7, 64, 1000]) {
      expect(encodeAll(source, width, height, strip)).toEqual(whole);
    }
  });

  it('drops alpha and reads pixels that are not 4-byte aligned', () => {
    const width = 5;
    const height = 4;
    const source = pixels(width, height).map((v, i) => (i % 4 === 3 ? (i * 13) % 256 : v));
    const shifted = new Uint8Array(source.length + 1);
    shifted.set(source, 1);
    const png = encodePng(
      (y, rows) => shifted.subarray(1 + y * width * 4, 1 + (y + rows) * width * 4),
      width,
      height,
      { stripRows: 3 },
    );
    expect(decode(png)).toEqual(opaque(source));
  });

  it('decodes back exactly whatever the picture (property)', () => {
    // Few colours, so that runs, lines and flat areas turn up as in a diagram.
    const colour = fc.constantFrom(0, 0x7f, 0xff, 0x12345678, 0xffffffff, 0xff00ff00);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 13 }),
        fc.array(colour, { minLength: 288, maxLength: 288 }),
        (width, height, strip, colours) => {
          const words = Uint32Array.from({ length: width * height }, (_, i) => colours[i % 288]!);
          const source = new Uint8Array(words.buffer);
          expect(decode(encodeAll(source, width, height, strip))).toEqual(opaque(source));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compresses the flat areas a diagram is mostly made of', () => {
    const width = 2000;
    const height = 500;
    const white = new Uint8Array(width * height * 4).fill(255);
    expect(encodeAll(white, width, height, 64).length).toBeLessThan(10_000);
    const diagram = diagramLike(width, height);
    expect(encodeAll(diagram, width, height, 64).length).toBeLessThan(40_000);
  });

  it('puts extra chunks just before IEND', () => {
    const encoder = new PngEncoder(3, 2);
    encoder.write(pixels(3, 2));
    const png = encoder.finish([createTextChunk(DIAGRAM_TEXT_KEYWORD, '{"a":"é"}')]);
    expect(readChunks(png)!.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(readChunks(png)!.every(isIntact)).toBe(true);
    expect(readTextChunk(png, DIAGRAM_TEXT_KEYWORD)).toEqual({ ok: true, text: '{"a":"é"}' });
  });

  it('refuses an impossible size, strips that do not fit, and missing rows', () => {
    expect(() => new PngEncoder(0, 10)).toThrow(/whole, positive/);
    expect(() => new PngEncoder(1.5, 10)).toThrow(/whole, positive/);
    const encoder = new PngEncoder(3, 2);
    expect(() => encoder.write(new Uint8Array(5))).toThrow(/do not fit/);
    expect(() => encoder.write(new Uint8Array(3 * 4 * 3))).toThrow(/do not fit/);
    encoder.write(pixels(3, 1));
    expect(() => encoder.finish()).toThrow(/missing 1 of its 2 rows/);
  });
});
