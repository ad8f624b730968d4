import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import lzString from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../model/schema';
import { SCHEMA_PATH } from '../model/version';
import { parseDiagramFile } from './parse-file';
import {
  SHARE_LINK_WARN_LENGTH,
  decodeShareFragment,
  decompressBounded,
  encodeShareLink,
  shareLinkLength,
} from './share-link';

const BASE = 'https://gtm-blueprint.example/app/';

function fixture(name: string): Diagram {
  const parsed = parseDiagramFile(readFileSync(`tests/fixtures/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
  return parsed.diagram;
}

const hashOf = (url: string) => new URL(url).hash;
const DAMAGED = [{ path: '(link)', message: 'The link is damaged or incomplete.' }];

describe('share links', () => {
  it('round-trips a diagram through the fragment', () => {
    const diagram = fixture('export-template');
    const url = encodeShareLink(diagram, `${BASE}#old=1`);
    expect(url.startsWith(`${BASE}#d=`)).toBe(true);
    expect(decodeShareFragment(hashOf(url))).toEqual({
      ok: true,
      diagram: { ...diagram, $schema: SCHEMA_PATH },
    });
  });

  it('round-trips hostile text unchanged', () => {
    const diagram = fixture('hostile-strings');
    const decoded = decodeShareFragment(hashOf(encodeShareLink(diagram, BASE)));
    expect(decoded).toEqual({ ok: true, diagram: { ...diagram, $schema: SCHEMA_PATH } });
  });

  it('finds the diagram among other fragment parameters, with or without "#"', () => {
    const payload = hashOf(encodeShareLink(fixture('export-template'), BASE)).slice(1);
    expect(decodeShareFragment(`#view=1&${payload}&x=2`)?.ok).toBe(true);
    expect(decodeShareFragment(payload)?.ok).toBe(true);
  });

  it('survives tools that percent-encode "$" or turn "+" into a space', () => {
    const hash = hashOf(encodeShareLink(fixture('export-template'), BASE));
    expect(decodeShareFragment(hash.replace(/\$/g, '%24'))?.ok).toBe(true);
    expect(decodeShareFragment(hash.replace(/\+/g, ' '))?.ok).toBe(true);
  });

  it('says there is no diagram when the fragment holds none', () => {
    for (const hash of ['', '#', '#view=2', '#dd=abc', 'x=1&y=2']) {
      expect(decodeShareFragment(hash)).toBeNull();
    }
  });

  it('reports a cut, empty or tampered link as damaged, never throwing', () => {
    const hash = hashOf(encodeShareLink(fixture('export-template'), BASE));
    for (const broken of ['#d=', '#d=%E0%A4%A', '#d=not*base64!', '#d=AAAA', hash.slice(0, 40)]) {
      expect(decodeShareFragment(broken)).toEqual({ ok: false, problems: DAMAGED });
    }
  });

  it('sends what the link holds through the parse gate', () => {
    const hostile = readFileSync('tests/fixtures/hostile-proto.json', 'utf8');
    const result = decodeShareFragment(`#d=${lzString.compressToEncodedURIComponent(hostile)}`);
    expect(result?.ok).toBe(false);
    if (result?.ok === false) expect(result.problems[0]?.path).toBe('nodes[0].data.__proto__');
    const notJson = decodeShareFragment(`#d=${lzString.compressToEncodedURIComponent('{"a":')}`);
    expect(notJson?.ok === false && notJson.problems[0]?.message).toMatch(/not valid JSON/);
  });

  it('refuses a small link that would expand past 5 MB, before expanding it', () => {
    const bomb = JSON.parse(readFileSync('tests/fixtures/hostile-share-bomb.json', 'utf8')) as {
      fragment: string;
    };
    const started = performance.now();
    const result = decodeShareFragment(bomb.fragment);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: '(link)',
          message:
            'The link holds more than 5 MB of diagram; GTM Blueprint opens diagrams up to 5 MB.',
        },
      ],
    });
  });

  it('never throws on random fragments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (tail) => {
        const result = decodeShareFragment(`#d=${tail}`);
        expect(result === null || typeof result.ok === 'boolean').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('warns when a link is longer than some tools keep', () => {
    expect(shareLinkLength('https://x.example/#d=abc')).toEqual({ length: 24, tooLong: false });
    const long = shareLinkLength(`https://x.example/#d=${'A'.repeat(SHARE_LINK_WARN_LENGTH)}`);
    expect(long.tooLong).toBe(true);
    expect(long.message).toBe(
      'The link is 32,021 characters long; some chat tools cut links over 32,000 characters. Share the file instead.',
    );
  });
});

describe('decompressBounded', () => {
  const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

  it('reads back whatever lz-string wrote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        fc.pre(text.length > 0);
        const compressed = lzString.compressToEncodedURIComponent(text);
        expect(decompressBounded(compressed, 1e6)).toEqual({ ok: true, text });
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with lz-string on arbitrary input whenever it accepts it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...URI_ALPHABET), minLength: 1, maxLength: 60 }),
        (input) => {
          const ours = decompressBounded(input, 1e6);
          if (ours.ok) expect(ours.text).toBe(lzString.decompressFromEncodedURIComponent(input));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stops at the limit', () => {
    const compressed = lzString.compressToEncodedURIComponent('ab'.repeat(5000));
    expect(decompressBounded(compressed, 10_000)).toEqual({ ok: true, text: 'ab'.repeat(5000) });
    expect(decompressBounded(compressed, 9_999)).toEqual({ ok: false, reason: 'too-big' });
  });
});
