import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentMessage, CommentThread, Diagram } from '../model/schema';
import { parseDiagramValue } from '../io/parse-file';
import { diagramArbitrary, idArbitrary } from '../testing/arbitraries';
import { cleanDiagram } from '../testing/test-diagrams';
import { parseYDoc, yDocToDiagram } from './from-ydoc';
import { COMMENTS_KEY, DOCUMENT_KEY } from './layout';
import { applyDiagramToYDoc, diagramToYDoc } from './to-ydoc';

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byTime = <T extends { id: string; createdAt: string }>(list: readonly T[]): T[] =>
  byId(list).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

/**
 * What the doc gives back: nodes and edges by id, messages by time then id, threads by their
 * first message's time then id, no `comments` key when there are none, strings well-formed.
 */
const normalised = (diagram: Diagram): Diagram => {
  const clean = JSON.parse(
    JSON.stringify(diagram, (_key, value: unknown) =>
      typeof value === 'string'
        ? (value as unknown as { toWellFormed(): string }).toWellFormed()
        : value,
    ),
  ) as Diagram;
  const { comments, ...rest } = clean;
  const out: Diagram = { ...rest, nodes: byId(clean.nodes), edges: byId(clean.edges) };
  if (!comments || comments.length === 0) return out;
  const threads = comments.map((t) => ({ ...t, messages: byTime(t.messages) }));
  const first = (t: CommentThread) => ({ id: t.id, createdAt: t.messages[0]!.createdAt });
  const order = byTime(threads.map(first)).map((t) => t.id);
  return { ...out, comments: order.map((id) => threads.find((t) => t.id === id)!) };
};

/** A few moments only, so equal times (ordered by id) come up often. */
const momentArbitrary = fc
  .constantFrom('2026-12-01T10:00:00Z', '2026-12-01T10:00:00.500Z', '2026-12-02T08:30:00Z')
  .chain((base) => fc.integer({ min: 0, max: 2 }).map((h) => base.replace('T1', `T${h}`)));

const messageArbitrary: fc.Arbitrary<CommentMessage> = fc.record(
  {
    id: idArbitrary,
    author: fc.string({ maxLength: 20 }),
    text: fc.string({ minLength: 1, maxLength: 40 }),
    createdAt: momentArbitrary,
    editedAt: momentArbitrary,
  },
  { requiredKeys: ['id', 'author', 'text', 'createdAt'] },
);

/** Valid diagrams with comment threads on their cards and edges. */
const commentedDiagram = (): fc.Arbitrary<Diagram> =>
  diagramArbitrary()
    .filter((d) => parseDiagramValue(d).ok)
    .chain((diagram) => {
      const targets = [
        ...diagram.nodes.map((n) => ({ type: 'node' as const, id: n.id })),
        ...diagram.edges.map((e) => ({ type: 'edge' as const, id: e.id })),
      ];
      if (targets.length === 0) return fc.constant(diagram);
      const thread: fc.Arbitrary<CommentThread> = fc.record(
        {
          id: idArbitrary,
          target: fc.constantFrom(...targets),
          resolved: fc.boolean(),
          messages: fc.uniqueArray(messageArbitrary, {
            minLength: 1,
            maxLength: 4,
            selector: (m) => m.id,
          }),
        },
        { requiredKeys: ['id', 'target', 'messages'] },
      );
      return fc
        .uniqueArray(thread, { maxLength: 4, selector: (t) => t.id })
        .map((comments) => ({ ...diagram, comments }));
    })
    .filter((d) => parseDiagramValue(d).ok);

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function peerOf(ydoc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  return peer;
}

const cardId = cleanDiagram().nodes[0]!.id;
const message = (id: string, createdAt: string, text = `note ${id}`): CommentMessage => ({
  id,
  author: 'Ana',
  text,
  createdAt,
});
const thread = (id: string, ...messages: CommentMessage[]): CommentThread => ({
  id,
  target: { type: 'node', id: cardId },
  messages,
});
const withComments = (comments: CommentThread[]): Diagram => ({ ...cleanDiagram(), comments });

function threadOf(diagram: Diagram, id: string): CommentThread {
  const found = diagram.comments?.find((t) => t.id === id);
  if (!found) throw new Error(`no thread ${id}`);
  return found;
}

describe('comments in a Y.Doc', () => {
  it('gives back every valid diagram with comments (threads and messages in a stable order)', () => {
    fc.assert(
      fc.property(commentedDiagram(), (diagram) => {
        const ydoc = diagramToYDoc(diagram);
        expect(yDocToDiagram(ydoc)).toEqual(normalised(diagram));
        expect(yDocToDiagram(peerOf(ydoc))).toEqual(normalised(diagram));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('turns any commented diagram into any other with the minimal writer', () => {
    fc.assert(
      fc.property(commentedDiagram(), commentedDiagram(), (first, second) => {
        const ydoc = diagramToYDoc(first);
        applyDiagramToYDoc(ydoc, second, 'test');
        expect(yDocToDiagram(ydoc)).toEqual(normalised(second));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('keeps each thread in its own entry, keyed by id, with messages keyed by id', () => {
    const ydoc = diagramToYDoc(withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'))]));
    const entry = ydoc.getMap(COMMENTS_KEY).get('t1') as Y.Map<unknown>;
    expect(entry).toBeInstanceOf(Y.Map);
    expect(entry.get('target')).toEqual({ type: 'node', id: cardId });
    expect((entry.get('messages') as Y.Map<unknown>).get('m1')).toEqual({
      author: 'Ana',
      text: 'note m1',
      createdAt: '2026-12-01T10:00:00Z',
    });
    expect(ydoc.getMap(DOCUMENT_KEY).has('comments')).toBe(false);
  });

  it('a reply writes one message entry and nothing else', () => {
    const before = withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'))]);
    const ydoc = diagramToYDoc(before);
    const changed: string[] = [];
    ydoc.getMap(COMMENTS_KEY).observeDeep((events) => {
      for (const event of events) {
        for (const key of event.keys.keys()) changed.push(`${event.path.join('.')}:${key}`);
      }
    });
    const reply = message('m2', '2026-12-01T11:00:00Z');
    applyDiagramToYDoc(
      ydoc,
      withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'), reply)]),
      'me',
    );
    expect(changed).toEqual(['t1.messages:m2']);
    let updates = 0;
    ydoc.on('update', () => updates++);
    applyDiagramToYDoc(ydoc, structuredClone(yDocToDiagram(ydoc)), 'me');
    expect(updates).toBe(0);
  });

  it('orders threads by first message time then id, and messages the same way', () => {
    const ydoc = diagramToYDoc(
      withComments([
        thread('late', message('x', '2026-12-02T09:00:00Z')),
        thread(
          'b',
          message('m2', '2026-12-01T10:00:00.000Z'),
          message('m1', '2026-12-01T10:00:00Z'),
        ),
        thread('a', message('only', '2026-12-01T10:00:00Z')),
      ]),
    );
    const read = yDocToDiagram(ydoc).comments!;
    // Both threads start at the same moment (written two ways), so a comes first by id, and so
    // does m1 within b.
    expect(read.map((t) => t.id)).toEqual(['a', 'b', 'late']);
    expect(read[1]!.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('reads and moves the comments of a room written before threads had their own map', () => {
    const old = withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'))]);
    const ydoc = diagramToYDoc(cleanDiagram());
    ydoc.getMap(DOCUMENT_KEY).set('comments', old.comments);
    expect(yDocToDiagram(ydoc).comments).toEqual(old.comments);
    applyDiagramToYDoc(ydoc, yDocToDiagram(ydoc), 'me');
    expect(ydoc.getMap(DOCUMENT_KEY).has('comments')).toBe(false);
    expect(yDocToDiagram(ydoc).comments).toEqual(old.comments);
  });

  it('refuses a thread or message that breaks the layout', () => {
    const ydoc = diagramToYDoc(withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'))]));
    const entry = ydoc.getMap(COMMENTS_KEY).get('t1') as Y.Map<unknown>;
    (entry.get('messages') as Y.Map<unknown>).set('m2', 'not a message');
    const result = parseYDoc(ydoc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('comments.t1.messages.m2');
    const unknownField = diagramToYDoc(
      withComments([thread('t1', message('m1', '2026-12-01T10:00:00Z'))]),
    );
    (unknownField.getMap(COMMENTS_KEY).get('t1') as Y.Map<unknown>).set('colour', 'red');
    expect(parseYDoc(unknownField).ok).toBe(false);
  });
});

describe('two people commenting at once', () => {
  const first = message('m1', '2026-12-01T10:00:00Z');
  const base = (): Diagram => withComments([thread('t1', first)]);

  it('keeps both new threads', () => {
    for (const start of [cleanDiagram(), base()]) {
      const alice = diagramToYDoc(start);
      const bob = peerOf(alice);
      const existing = start.comments ?? [];
      applyDiagramToYDoc(
        alice,
        { ...start, comments: [...existing, thread('ta', message('a1', '2026-12-01T11:00:00Z'))] },
        'alice',
      );
      applyDiagramToYDoc(
        bob,
        { ...start, comments: [...existing, thread('tb', message('b1', '2026-12-01T11:00:01Z'))] },
        'bob',
      );
      sync(alice, bob);
      const merged = yDocToDiagram(alice);
      expect(yDocToDiagram(bob)).toEqual(merged);
      expect(merged.comments!.map((t) => t.id)).toEqual([...existing.map((t) => t.id), 'ta', 'tb']);
    }
  });

  it('keeps both replies to one thread', () => {
    const alice = diagramToYDoc(base());
    const bob = peerOf(alice);
    const fromAlice = message('a1', '2026-12-01T11:00:00Z', 'Because of the list size');
    const fromBob = message('b1', '2026-12-01T11:00:00Z', 'Agreed');
    applyDiagramToYDoc(alice, withComments([thread('t1', first, fromAlice)]), 'alice');
    applyDiagramToYDoc(bob, withComments([thread('t1', first, fromBob)]), 'bob');
    sync(alice, bob);
    const merged = yDocToDiagram(alice);
    expect(yDocToDiagram(bob)).toEqual(merged);
    expect(threadOf(merged, 't1').messages).toEqual([first, fromAlice, fromBob]);
  });

  it('keeps a resolve and a concurrent reply', () => {
    const alice = diagramToYDoc(base());
    const bob = peerOf(alice);
    const reply = message('b1', '2026-12-01T11:00:00Z', 'One more thing');
    applyDiagramToYDoc(alice, withComments([{ ...thread('t1', first), resolved: true }]), 'alice');
    applyDiagramToYDoc(bob, withComments([thread('t1', first, reply)]), 'bob');
    sync(alice, bob);
    const merged = yDocToDiagram(alice);
    expect(yDocToDiagram(bob)).toEqual(merged);
    expect(threadOf(merged, 't1')).toEqual({ ...thread('t1', first, reply), resolved: true });
  });
});
