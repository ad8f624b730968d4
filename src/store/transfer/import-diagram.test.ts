import { readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { addTextChunk, DIAGRAM_TEXT_KEYWORD, PNG_SIGNATURE } from '../../io/png-chunks';
import { serializeDiagram } from '../../io/serialize';
import { encodeShareLink } from '../../io/share-link';
import { createDiagram } from '../../model/factories';
import type { Diagram } from '../../model/schema';
import { createEditorStore } from '../editor-store';
import type { DiagramSession } from '../session';
import type { Editor } from '../react/editor-context';
import { MAX_PNG_BYTES, openImported, parseImportedBytes, sizeProblem } from './import-diagram';
import { openShareLink } from './open-share-link';

const fixture = readFileSync('tests/fixtures/export-template.json');

function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from(PNG_SIGNATURE),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function messages(result: ReturnType<typeof parseImportedBytes>): string[] {
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseImportedBytes', () => {
  it('opens JSON, with or without a byte-order mark', () => {
    expect(parseImportedBytes(fixture, 'a.json').ok).toBe(true);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture]);
    expect(parseImportedBytes(bom, 'a.json').ok).toBe(true);
  });

  it('opens the diagram a PNG carries', () => {
    const png = addTextChunk(tinyPng(), DIAGRAM_TEXT_KEYWORD, fixture.toString('utf8'));
    const result = parseImportedBytes(png, 'picture.png');
    expect(result.ok && result.diagram.name).toBe('Acme GTM — FY26');
  });

  it('says clearly what is wrong with a picture or a binary file', () => {
    expect(messages(parseImportedBytes(tinyPng(), 'x.png'))).toEqual([
      '(file): This PNG picture holds no GTM Blueprint diagram. Only pictures made with Export → PNG carry one; open the diagram’s .json file instead.',
    ]);
    const cut = addTextChunk(tinyPng(), DIAGRAM_TEXT_KEYWORD, 'x'.repeat(100)).subarray(0, 80);
    expect(messages(parseImportedBytes(cut, 'x.png'))[0]).toMatch(/damaged or incomplete/);
    expect(messages(parseImportedBytes(fixture, 'renamed.png'))[0]).toMatch(
      /named \.png but is not a PNG/,
    );
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(messages(parseImportedBytes(jpeg, 'photo.jpg'))[0]).toMatch(
      /not a GTM Blueprint diagram\. Open a \.json file, or a PNG/,
    );
  });

  it('passes a PNG’s text through the parse gate like any file', () => {
    const png = addTextChunk(
      tinyPng(),
      DIAGRAM_TEXT_KEYWORD,
      '{"format":"gtm-blueprint","version":7}',
    );
    expect(messages(parseImportedBytes(png, 'x.png'))[0]).toMatch(/newer GTM Blueprint/);
  });
});

describe('sizeProblem', () => {
  it('refuses JSON over 5 MB and pictures over the PNG limit', () => {
    expect(sizeProblem(5 * 1024 * 1024, false)).toBeNull();
    expect(sizeProblem(6 * 1024 * 1024, false)?.message).toBe(
      'The file is 6.00 MB, over the 5.00 MB that GTM Blueprint opens.',
    );
    expect(sizeProblem(12 * 1024 * 1024, true)).toBeNull();
    expect(sizeProblem(MAX_PNG_BYTES + 1, true)?.message).toMatch(/^The picture is 32 MB, over/);
  });
});

function fakeEditor(current: Diagram, outcome: 'new' | 'replaced-blank' = 'new') {
  const store = createEditorStore(current, 'current');
  const created: Diagram[] = [];
  const session = {
    list: () =>
      created.map((d, i) => ({ id: `d${i + 1}`, name: d.name, updatedAt: 0, nodeCount: 0 })),
    importDiagram: vi.fn((diagram: Diagram) => {
      created.push(diagram);
      store.getState().loadDiagram(diagram, `d${created.length}`);
      return Promise.resolve(outcome);
    }),
  } as unknown as DiagramSession;
  const editor: Editor = { store, session };
  return { editor, store, created };
}

describe('openImported', () => {
  const origin = { title: "This file can't be opened", source: '“a.json”', from: 'from “a.json”' };

  it('opens a valid diagram as a new one and names it in a notice', async () => {
    const current = { ...createDiagram('Mine'), nodes: [] };
    const { editor, store, created } = fakeEditor(current);
    const result = parseImportedBytes(fixture, 'a.json');
    expect(await openImported(editor, result, origin)).toBe(true);
    expect(created).toHaveLength(1);
    expect(store.getState().notice).toEqual({
      kind: 'info',
      text: '“Acme GTM — FY26” opened as a new diagram from “a.json”. Your previous diagram is kept under Diagrams.',
    });
  });

  it('does not point to a previous diagram when it took the place of the start-up blank', async () => {
    const { editor, store } = fakeEditor(createDiagram(), 'replaced-blank');
    expect(await openImported(editor, parseImportedBytes(fixture, 'a.json'), origin)).toBe(true);
    expect(store.getState().notice).toEqual({
      kind: 'info',
      text: '“Acme GTM — FY26” opened as a new diagram from “a.json”.',
    });
  });

  it('shows the problems and leaves the open diagram as it was', async () => {
    const current = createDiagram('Mine');
    const { editor, store, created } = fakeEditor(current);
    const result = parseImportedBytes(Buffer.from('{"format":"nope"}'), 'a.json');
    expect(await openImported(editor, result, origin)).toBe(false);
    expect(created).toHaveLength(0);
    expect(store.getState().diagram).toBe(current);
    expect(store.getState().dialog).toBe('import-problems');
    expect(store.getState().transfer.failure).toEqual({
      title: "This file can't be opened",
      source: '“a.json”',
      problems: [
        {
          path: 'format',
          message: 'This is not a GTM Blueprint file: "format" must be "gtm-blueprint".',
        },
      ],
    });
  });
});

describe('openShareLink', () => {
  function fakeWindow(url: string) {
    const location = new URL(url);
    const replaceState = vi.fn((_state: unknown, _title: string, next: string) => {
      const target = new URL(next, location);
      location.hash = target.hash;
    });
    return {
      win: { location, history: { state: null, replaceState } } as unknown as Window,
      replaceState,
    };
  }

  it('opens the linked diagram once and clears the fragment first', async () => {
    const diagram = JSON.parse(serializeDiagram(createDiagram('Shared'))) as Diagram;
    const { win, replaceState } = fakeWindow(encodeShareLink(diagram, 'https://app.test/edit?x=1'));
    const { editor, created } = fakeEditor(createDiagram('Mine'));
    expect(await openShareLink(editor, win)).toBe(true);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/edit?x=1');
    expect(created.map((d) => d.name)).toEqual(['Shared']);
    expect(await openShareLink(editor, win)).toBe(false);
  });

  it('names a second copy of a diagram apart: from link, then numbered', async () => {
    const diagram = JSON.parse(serializeDiagram(createDiagram('Shared'))) as Diagram;
    const { editor, created } = fakeEditor(createDiagram('Mine'));
    for (let i = 0; i < 3; i++) {
      const { win } = fakeWindow(encodeShareLink(diagram, 'https://app.test/edit'));
      expect(await openShareLink(editor, win)).toBe(true);
    }
    expect(created.map((d) => d.name)).toEqual(['Shared', 'Shared (from link)', 'Shared (2)']);
  });

  it('does nothing without a diagram in the fragment, and refuses a damaged one', async () => {
    const { editor, store, created } = fakeEditor(createDiagram('Mine'));
    expect(await openShareLink(editor, fakeWindow('https://app.test/#other').win)).toBe(false);
    expect(await openShareLink(editor, fakeWindow('https://app.test/#d=%%%').win)).toBe(false);
    expect(created).toHaveLength(0);
    expect(store.getState().transfer.failure?.title).toBe("This link can't be opened");
  });
});
