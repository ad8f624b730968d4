import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_KEY, DOCUMENT_KEY, EDGES_KEY, NODE_DATA_KEY, NODES_KEY } from '../collab/layout';
import { diagramToYDoc } from '../collab/to-ydoc';
import { LIMITS, type Diagram } from '../model/schema';
import { CURRENT_VERSION, MAX_FILE_BYTES } from '../model/version';
import { diagramArbitrary } from '../testing/arbitraries';
import { createSyntheticDiagram } from '../testing/synthetic';
import { cleanDiagram } from '../testing/test-diagrams';
import { createDiagramIndex } from './diagram-index';
import { DEFAULT_LIMITS } from './limits';
import { checkUpdate, checkUpdateWhole, prepareCheck } from './update-check';

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Plain values an edit may write anywhere: valid ones, wrong types, hostile and oversized ones. */
const VALUES: readonly (() => unknown)[] = [
  () => 'Renamed',
  () => 'x'.repeat(LIMITS.title + 1),
  () => 'webinar',
  () => 'tool',
  () => 'stage',
  () => 42,
  () => Number.NaN,
  () => null,
  () => undefined,
  () => ({ x: 10, y: 20 }),
  () => ({ x: 'left' }),
  // Around the gate's nesting limit, wherever the value lands.
  () => nest(27),
  () => nest(28),
  () => nest(29),
  () => nest(30),
  () => nest(31),
  () => nest(40),
  () => true,
  () => [],
  // Nested, since Yjs takes a top-level value only when its constructor is Object.
  () => ({ inner: JSON.parse('{"constructor":1}') as unknown }),
  () => ({ inner: JSON.parse('{"__proto__":{"polluted":1}}') as unknown }),
  () => 1n,
  () => new Uint8Array([1, 2]),
  () => 'handoff',
  () => 0.5,
];

const NODE_FIELDS = ['title', 'kind', 'position', 'extra', 'constructor', 'id', 'data'];
const EDGE_FIELDS = ['source', 'target', 'label', 'kind', 'share', '__proto__', 'id'];
const DOCUMENT_FIELDS = ['name', 'version', 'format', 'meta', 'rules', 'prototype', 'nodes'];

const OPS = [
  'node-field',
  'node-data',
  'node-delete',
  'node-add',
  'node-shared-value',
  'edge-field',
  'edge-end',
  'edge-delete',
  'edge-add',
  'document-field',
  'meta-field',
  'stage-map',
  'thread-add',
  'thread-field',
  'thread-reply',
  'thread-delete',
  'old-comments',
  'stray-root',
] as const;

type Op = readonly [op: (typeof OPS)[number], a: number, b: number, v: number];

const opArbitrary: fc.Arbitrary<Op> = fc.tuple(
  fc.constantFrom(...OPS),
  fc.nat(50),
  fc.nat(50),
  fc.nat(VALUES.length - 1),
);

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function keysOf(doc: Y.Doc, root: string): string[] {
  return [...doc.getMap(root).keys()].sort();
}

function thread(target: unknown, text = 'Looks right?'): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('target', target);
  const messages = new Y.Map<unknown>();
  messages.set('m1', { author: 'Ana', text, createdAt: '2026-12-03T09:30:00Z' });
  entry.set('messages', messages);
  return entry;
}

/** Writes one edit straight into the Y.Doc, as a peer's own code might: nothing stops it. */
function applyOp(doc: Y.Doc, [op, a, b, v]: Op): void {
  const value = VALUES[v]!();
  const nodes = doc.getMap(NODES_KEY);
  const edges = doc.getMap(EDGES_KEY);
  const comments = doc.getMap(COMMENTS_KEY);
  const document = doc.getMap(DOCUMENT_KEY);
  const nodeIds = keysOf(doc, NODES_KEY);
  const edgeIds = keysOf(doc, EDGES_KEY);
  const threadIds = keysOf(doc, COMMENTS_KEY);
  const node = pick(nodeIds, a);
  const edge = pick(edgeIds, a);
  // b = 50 names a card that is not there.
  const endId = b >= 50 ? 'ghost' : pick([...nodeIds, 'ghost'], b);
  switch (op) {
    case 'node-field': {
      const entry = node === undefined ? undefined : nodes.get(node);
      if (entry instanceof Y.Map) entry.set(NODE_FIELDS[b % NODE_FIELDS.length]!, value);
      break;
    }
    case 'node-data': {
      const entry = node === undefined ? undefined : nodes.get(node);
      if (!(entry instanceof Y.Map)) break;
      let data = entry.get(NODE_DATA_KEY);
      if (!(data instanceof Y.Map)) entry.set(NODE_DATA_KEY, (data = new Y.Map()));
      (data as Y.Map<unknown>).set(pick(['notes', 'owner', 'volume', 'nope'], b)!, value);
      break;
    }
    case 'node-delete':
      if (node !== undefined) nodes.delete(node);
      break;
    case 'node-add': {
      const entry = new Y.Map<unknown>();
      entry.set('kind', pick(['tool', 'stage', 'webinar', 'crm'], b));
      entry.set('title', v % 3 === 0 ? value : 'New card');
      entry.set('position', { x: a, y: b });
      nodes.set(pick(['n-new', 'n-other', 'bad id!', '__proto__'], a)!, entry);
      break;
    }
    case 'node-shared-value': {
      const entry = node === undefined ? undefined : nodes.get(node);
      if (entry instanceof Y.Map) entry.set('title', new Y.Map());
      else nodes.set('n-plain', value);
      break;
    }
    case 'edge-field': {
      const entry = edge === undefined ? undefined : edges.get(edge);
      if (entry instanceof Y.Map) entry.set(EDGE_FIELDS[b % EDGE_FIELDS.length]!, value);
      break;
    }
    case 'edge-end': {
      const entry = edge === undefined ? undefined : edges.get(edge);
      if (entry instanceof Y.Map) entry.set(v % 2 === 0 ? 'source' : 'target', endId);
      break;
    }
    case 'edge-delete':
      if (edge !== undefined) edges.delete(edge);
      break;
    case 'edge-add': {
      const entry = new Y.Map<unknown>();
      entry.set('source', pick([...nodeIds, 'ghost'], a));
      entry.set('target', endId);
      edges.set(pick(['e-new', 'e-other'], v)!, entry);
      break;
    }
    case 'document-field':
      document.set(
        DOCUMENT_FIELDS[b % DOCUMENT_FIELDS.length]!,
        v % 4 === 0 ? CURRENT_VERSION : value,
      );
      break;
    case 'meta-field': {
      let meta = document.get('meta');
      if (!(meta instanceof Y.Map)) document.set('meta', (meta = new Y.Map()));
      (meta as Y.Map<unknown>).set(pick(['currency', 'description', 'stage', 'odd'], b)!, value);
      break;
    }
    case 'stage-map':
      document.set('actuals', {
        stageMap: { Demo: b >= 50 ? 'ghost' : (pick([...nodeIds, '@won'], b) ?? 'ghost') },
      });
      break;
    case 'thread-add': {
      const targets = [
        { type: 'node', id: endId },
        { type: 'edge', id: pick([...edgeIds, 'ghost-edge'], b) },
        { type: 'finding', ruleId: 'no-owner', element: { type: 'node', id: endId } },
        { type: 'diagram' },
        value,
      ];
      comments.set(pick(['t1', 't2', 't3'], a)!, thread(pick(targets, v)));
      break;
    }
    case 'thread-field': {
      const entry = pick(threadIds, a);
      const map = entry === undefined ? undefined : comments.get(entry);
      if (map instanceof Y.Map) map.set(pick(['resolved', 'target', 'other'], b)!, value);
      break;
    }
    case 'thread-reply': {
      const entry = pick(threadIds, a);
      const messages = entry === undefined ? undefined : (comments.get(entry) as Y.Map<unknown>);
      const box = messages instanceof Y.Map ? messages.get('messages') : undefined;
      if (box instanceof Y.Map) {
        box.set(
          `m${b}`,
          v % 2 === 0 ? { author: 'Bo', text: 'Yes', createdAt: '2026-12-03T10:00:00Z' } : value,
        );
      }
      break;
    }
    case 'thread-delete': {
      const entry = pick(threadIds, a);
      if (entry !== undefined) comments.delete(entry);
      break;
    }
    case 'old-comments':
      document.set('comments', v % 2 === 0 ? [] : value);
      break;
    case 'stray-root':
      doc.getMap('extra').set('a', 1);
      break;
  }
}

function reasonOf(verdict: { reason: string } | null): string | null {
  return verdict?.reason ?? null;
}

type Edit = (doc: Y.Doc) => void;

const edits =
  (ops: readonly Op[]): Edit =>
  (doc) =>
    ops.forEach((op) => applyOp(doc, op));

/**
 * Two copies of one room: one checked entry by entry, one read whole through the file gate on
 * every edit. Each edit is tried on both; the verdicts must agree, and a taken edit goes into both.
 */
function agreeOn(diagram: Diagram, steps: readonly Edit[]): string[] {
  const incremental = diagramToYDoc(diagram);
  const whole = new Y.Doc();
  Y.applyUpdate(whole, Y.encodeStateAsUpdate(incremental));
  let writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(incremental));
  const verdicts: string[] = [];
  for (const edit of steps) {
    const before = Y.encodeStateVector(incremental);
    writer.transact(() => edit(writer));
    const update = Y.encodeStateAsUpdate(writer, before);
    const fast = reasonOf(checkUpdate(incremental, update, DEFAULT_LIMITS));
    const slow = reasonOf(checkUpdateWhole(whole, update, DEFAULT_LIMITS));
    expect(fast, `edit ${verdicts.length + 1}`).toBe(slow);
    verdicts.push(fast ?? 'ok');
    if (fast === null) {
      Y.applyUpdate(incremental, update);
      Y.applyUpdate(whole, update);
    } else {
      // A refused peer reconnects and syncs again from what the server holds.
      writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(incremental));
    }
  }
  return verdicts;
}

const INVALID = 'gtm:invalid-document';
const TOO_LARGE = 'gtm:too-large';

describe(
  'checkUpdate: the incremental check agrees with the whole-diagram check',
  { timeout: 120_000 },
  () => {
    it('on random sequences of valid and invalid edits', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(
          diagramArbitrary({ maxNodes: 6, maxEdges: 6 }),
          fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: 3 }), {
            minLength: 1,
            maxLength: 12,
          }),
          (diagram, steps) => {
            for (const verdict of agreeOn(diagram, steps.map(edits))) seen.add(verdict);
          },
        ),
        { numRuns: 300 },
      );
      // The runs exercised both outcomes, or agreement would prove nothing.
      expect(seen).toContain('ok');
      expect(seen).toContain(INVALID);
    });

    const table: [string, Op[][], string[]][] = [
      ['a title edit', [[['node-field', 0, 0, 0]]], ['ok']],
      ['an unknown kind', [[['node-field', 0, 1, 2]]], [INVALID]],
      ['a title one character too long', [[['node-field', 0, 0, 1]]], [INVALID]],
      ['a card deleted under its edge', [[['node-delete', 0, 0, 0]]], [INVALID]],
      ['an edge end moved to a card that is not there', [[['edge-end', 0, 50, 0]]], [INVALID]],
      ['a hostile key in a card', [[['node-field', 0, 4, 0]]], [INVALID]],
      ['a hostile key in the document', [[['document-field', 0, 5, 1]]], [INVALID]],
      ['notes nested within the nesting limit', [[['node-data', 0, 0, 11]]], [INVALID]],
      ['notes nested past the nesting limit', [[['node-data', 0, 0, 16]]], [INVALID]],
      ['a shared type where a value belongs', [[['node-shared-value', 0, 0, 0]]], [INVALID]],
      ['a root outside the layout', [[['stray-root', 0, 0, 0]]], [INVALID]],
      [
        'a thread on a card, then the card deleted',
        [[['thread-add', 0, 0, 0]], [['node-delete', 0, 0, 0]]],
        ['ok', INVALID],
      ],
      ['a version the server does not know', [[['document-field', 0, 1, 1]]], [INVALID]],
      ['a CRM stage mapped to a card that is not there', [[['stage-map', 0, 50, 0]]], [INVALID]],
    ];
    for (const [name, steps, expected] of table) {
      it(`on ${name}`, () => {
        expect(agreeOn(cleanDiagram(), steps.map(edits))).toEqual(expected);
      });
    }

    it('on a card and its edges deleted in one edit, which is valid', () => {
      const diagram = cleanDiagram();
      const id = diagram.edges[0]!.source;
      const deleteCard: Edit = (doc) => {
        for (const edge of diagram.edges) {
          if (edge.source === id || edge.target === id) doc.getMap(EDGES_KEY).delete(edge.id);
        }
        for (const [threadId, entry] of doc.getMap(COMMENTS_KEY).entries()) {
          const target = (entry as Y.Map<unknown>).get('target') as { id?: string };
          if (target.id === id) doc.getMap(COMMENTS_KEY).delete(threadId);
        }
        doc.getMap(NODES_KEY).delete(id);
      };
      expect(agreeOn(diagram, [deleteCard])).toEqual(['ok']);
    });

    it('on the 5 MB file limit, to the byte', () => {
      const diagram = cleanDiagram();
      const id = diagram.nodes[0]!.id;
      // A title this long is refused either way: past the limit as too large, else as invalid.
      const retitle =
        (length: number): Edit =>
        (doc) =>
          (doc.getMap(NODES_KEY).get(id) as Y.Map<unknown>).set('title', 'x'.repeat(length));
      const wholeVerdict = (length: number) => {
        const room = diagramToYDoc(diagram);
        const writer = new Y.Doc();
        Y.applyUpdate(writer, Y.encodeStateAsUpdate(room));
        retitle(length)(writer);
        return reasonOf(checkUpdateWhole(room, Y.encodeStateAsUpdate(writer), DEFAULT_LIMITS));
      };
      let fits = MAX_FILE_BYTES - 100_000;
      let over = MAX_FILE_BYTES;
      expect(wholeVerdict(fits)).toBe(INVALID);
      expect(wholeVerdict(over)).toBe(TOO_LARGE);
      while (over - fits > 1) {
        const middle = Math.floor((fits + over) / 2);
        if (wholeVerdict(middle) === TOO_LARGE) over = middle;
        else fits = middle;
      }
      expect(agreeOn(diagram, [retitle(fits)])).toEqual([INVALID]);
      expect(agreeOn(diagram, [retitle(over)])).toEqual([TOO_LARGE]);
    });

    it('on a room that keeps comments in the old array, which is read whole', () => {
      const steps: Op[][] = [
        [['old-comments', 0, 0, 0]],
        [['node-field', 0, 0, 0]],
        [['node-delete', 0, 0, 0]],
      ];
      expect(agreeOn(cleanDiagram(), steps.map(edits))).toEqual(['ok', 'ok', INVALID]);
    });

    it('on a room that took an edit from elsewhere (another instance) between checks', () => {
      const diagram = cleanDiagram();
      const incremental = diagramToYDoc(diagram);
      const whole = new Y.Doc();
      Y.applyUpdate(whole, Y.encodeStateAsUpdate(incremental));
      const writer = new Y.Doc();
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(incremental));
      const edit = (change: Edit) => {
        const before = Y.encodeStateVector(incremental);
        writer.transact(() => change(writer));
        return Y.encodeStateAsUpdate(writer, before);
      };
      // The first check makes each room's copy; the copies then follow the rooms.
      const rename = edit(edits([['node-field', 0, 0, 0]]));
      expect(checkUpdate(incremental, rename, DEFAULT_LIMITS)).toBeNull();
      expect(checkUpdateWhole(whole, rename, DEFAULT_LIMITS)).toBeNull();
      Y.applyUpdate(incremental, rename);
      Y.applyUpdate(whole, rename);
      const removeEdge = edit((doc) => doc.getMap(EDGES_KEY).delete(diagram.edges[0]!.id));
      Y.applyUpdate(incremental, removeEdge);
      Y.applyUpdate(whole, removeEdge);
      // With that edge gone elsewhere, a thread on it is about nothing.
      const onEdge = edit((doc) =>
        doc.getMap(COMMENTS_KEY).set('t1', thread({ type: 'edge', id: diagram.edges[0]!.id })),
      );
      expect(reasonOf(checkUpdate(incremental, onEdge, DEFAULT_LIMITS))).toBe(INVALID);
      expect(reasonOf(checkUpdateWhole(whole, onEdge, DEFAULT_LIMITS))).toBe(INVALID);
    });

    it('on a room on format version 1, read whole, then moved to version 2', () => {
      const setVersion =
        (version: number): Edit =>
        (doc) =>
          doc.getMap(DOCUMENT_KEY).set('version', version);
      const steps = [
        setVersion(1),
        edits([['node-field', 0, 0, 0]]),
        setVersion(2),
        edits([['node-field', 1, 1, 2]]),
      ];
      expect(agreeOn(cleanDiagram(), steps)).toEqual(['ok', 'ok', 'ok', INVALID]);
    });

    it('on more threads than a diagram may hold', () => {
      const many: Edit = (doc) => {
        const target = { type: 'diagram' };
        for (let i = 0; i <= LIMITS.threads; i++)
          doc.getMap(COMMENTS_KEY).set(`t${i}`, thread(target));
      };
      expect(agreeOn(cleanDiagram(), [many])).toEqual([INVALID]);
    });
  },
);

describe('createDiagramIndex: built in slices', { timeout: 120_000 }, () => {
  // 250 cards and their edges take several batches, so the doc changes between them.
  const large = createSyntheticDiagram(250, 2);

  it('equals one built at once, with the doc changing between slices', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(opArbitrary, { maxLength: 12 }),
        fc.array(opArbitrary, { minLength: 1, maxLength: 12 }),
        (during, after) => {
          const doc = diagramToYDoc(large);
          const sliced = createDiagramIndex(doc);
          let slices = 0;
          // A zero budget reads one batch per call.
          while (!sliced.build(0)) {
            const op = during[slices++];
            if (op) applyOp(doc, op);
          }
          expect(slices).toBeGreaterThan(3);
          for (const op of during.slice(slices)) applyOp(doc, op);
          const once = createDiagramIndex(doc);
          expect(once.build(Infinity)).toBe(true);
          for (const op of [null, ...after]) {
            if (op) applyOp(doc, op);
            expect(sliced.verdict()).toBe(once.verdict());
            expect(sliced.failing()).toBe(once.failing());
            seen.add(sliced.verdict());
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(seen).toContain('ok');
    expect(seen).toContain('invalid');
  });

  it('answers `full` until every entry is read', () => {
    const doc = diagramToYDoc(large);
    const index = createDiagramIndex(doc);
    expect(index.build(0)).toBe(false);
    expect(index.verdict()).toBe('full');
    expect(index.build(Infinity)).toBe(true);
    expect(index.verdict()).toBe('ok');
  });
});

describe('prepareCheck: the room copy and index made in slices', { timeout: 60_000 }, () => {
  const turn = () => new Promise((done) => setImmediate(done));
  const diagram = createSyntheticDiagram(1000, 2);
  const cardId = [...diagram.nodes.map((n) => n.id)].sort().at(-1)!;

  function edit(room: Y.Doc, change: Edit): Uint8Array {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(writer);
    writer.transact(() => change(writer));
    return Y.encodeStateAsUpdate(writer, before);
  }
  const retitle =
    (title: string): Edit =>
    (doc) =>
      (doc.getMap(NODES_KEY).get(cardId) as Y.Map<unknown>).set('title', title);

  /** A room and the promise of its check, with whether it has settled. */
  function preparing(room: Y.Doc) {
    const state = { settled: false };
    const ready = prepareCheck(room).then(() => {
      state.settled = true;
    });
    return { state, ready };
  }

  it('takes a valid edit and refuses an invalid one that arrive meanwhile', async () => {
    const room = diagramToYDoc(diagram);
    const { state, ready } = preparing(room);
    await turn();
    expect(state.settled).toBe(false);
    const valid = edit(room, retitle('Renamed'));
    expect(checkUpdate(room, valid, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(room, valid);
    await turn();
    expect(state.settled).toBe(false);
    const tooLong = edit(room, retitle('x'.repeat(LIMITS.title + 1)));
    expect(reasonOf(checkUpdate(room, tooLong, DEFAULT_LIMITS))).toBe(INVALID);
    // The refusal dropped the copy; the preparation ends with it.
    await ready;
    await preparing(room).ready;
    const renamed = edit(room, retitle('Again'));
    expect(checkUpdate(room, renamed, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(room, renamed);
    const tooLongNow = edit(room, retitle('x'.repeat(LIMITS.title + 1)));
    expect(reasonOf(checkUpdate(room, tooLongNow, DEFAULT_LIMITS))).toBe(INVALID);
  });

  it('refuses meanwhile an edit to a room that holds an invalid card the build has not read', async () => {
    // Stored by an older release, say: the last card in key order, read last.
    const room = diagramToYDoc(diagram);
    (room.getMap(NODES_KEY).get(cardId) as Y.Map<unknown>).set('kind', 'webinar');
    const { state, ready } = preparing(room);
    await turn();
    await turn();
    expect(state.settled).toBe(false);
    const other = diagram.nodes.find((n) => n.id !== cardId)!.id;
    const rename: Edit = (doc) =>
      (doc.getMap(NODES_KEY).get(other) as Y.Map<unknown>).set('title', 'Fine');
    expect(reasonOf(checkUpdate(room, edit(room, rename), DEFAULT_LIMITS))).toBe(INVALID);
    await ready;
    await prepareCheck(room);
    expect(reasonOf(checkUpdate(room, edit(room, rename), DEFAULT_LIMITS))).toBe(INVALID);
  });

  it('follows the room while it is built: changes from elsewhere are judged once ready', async () => {
    const room = diagramToYDoc(diagram);
    const whole = new Y.Doc();
    Y.applyUpdate(whole, Y.encodeStateAsUpdate(room));
    const elsewhere = (change: Edit) => {
      const update = edit(room, change);
      Y.applyUpdate(room, update);
      Y.applyUpdate(whole, update);
    };
    const { state, ready } = preparing(room);
    await turn();
    elsewhere(retitle('While copying'));
    // An edit meanwhile finishes the copy at once; the index is then built in slices.
    const rename = edit(room, retitle('Renamed'));
    expect(checkUpdate(room, rename, DEFAULT_LIMITS)).toBeNull();
    Y.applyUpdate(room, rename);
    Y.applyUpdate(whole, rename);
    await turn();
    expect(state.settled).toBe(false);
    // The first card is in the first slice read: already judged valid when it turns invalid.
    const first = diagram.nodes[0]!.id;
    elsewhere((doc) => (doc.getMap(NODES_KEY).get(first) as Y.Map<unknown>).set('kind', 'webinar'));
    expect(state.settled).toBe(false);
    await ready;
    const after = edit(room, retitle('After'));
    expect(reasonOf(checkUpdate(room, after, DEFAULT_LIMITS))).toBe(INVALID);
    expect(reasonOf(checkUpdateWhole(whole, after, DEFAULT_LIMITS))).toBe(INVALID);
  });

  it('settles at once for a room whose check is ready, and for a destroyed room', async () => {
    const room = diagramToYDoc(cleanDiagram());
    await prepareCheck(room);
    const { state } = preparing(room);
    await Promise.resolve();
    expect(state.settled).toBe(true);
    const big = diagramToYDoc(diagram);
    const { ready } = preparing(big);
    await turn();
    big.destroy();
    await ready;
  });
});
