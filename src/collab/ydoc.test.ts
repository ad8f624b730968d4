import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Diagram, DiagramNode } from '../model/schema';
import { CURRENT_VERSION } from '../model/version';
import { parseDiagramValue } from '../io/parse-file';
import { diagramArbitrary } from '../testing/arbitraries';
import { cleanDiagram, edge, node, patchData } from '../testing/test-diagrams';
import { parseYDoc, yDocToDiagram } from './from-ydoc';
import { DOCUMENT_KEY, EDGES_KEY, NODES_KEY, SEED_ORIGIN } from './layout';
import { applyDiagramToYDoc, diagramToYDoc, seedYDoc } from './to-ydoc';

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
/**
 * The doc gives nodes and edges back ordered by id, and strings as well-formed UTF-16 (Yjs
 * stores UTF-8, so a lone surrogate becomes U+FFFD); everything else as written.
 */
const normalised = (diagram: Diagram): Diagram => {
  const clean = JSON.parse(
    JSON.stringify(diagram, (_key, value: unknown) =>
      typeof value === 'string'
        ? (value as unknown as { toWellFormed(): string }).toWellFormed()
        : value,
    ),
  ) as Diagram;
  return { ...clean, nodes: byId(clean.nodes), edges: byId(clean.edges) };
};

/** Diagrams the file gate accepts (the arbitrary may lag a schema change by a commit). */
const validDiagram = () => diagramArbitrary().filter((d) => parseDiagramValue(d).ok);

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A second peer that starts from the first one's state, as a joining client does. */
function peerOf(ydoc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  return peer;
}

function nodeOf(diagram: Diagram, id: string): DiagramNode {
  const found = diagram.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function retitle(diagram: Diagram, id: string, title: string): Diagram {
  return { ...diagram, nodes: diagram.nodes.map((n) => (n.id === id ? { ...n, title } : n)) };
}

describe('diagram ↔ Y.Doc', () => {
  it('gives back every valid diagram it was given (nodes and edges ordered by id)', () => {
    fc.assert(
      fc.property(validDiagram(), (diagram) => {
        const ydoc = diagramToYDoc(diagram);
        expect(yDocToDiagram(ydoc)).toEqual(normalised(diagram));
        // Through the wire too: a peer that receives the update reads the same diagram.
        expect(yDocToDiagram(peerOf(ydoc))).toEqual(normalised(diagram));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('turns any diagram into any other with the minimal writer', () => {
    fc.assert(
      fc.property(validDiagram(), validDiagram(), (first, second) => {
        const ydoc = diagramToYDoc(first);
        applyDiagramToYDoc(ydoc, second, 'test');
        expect(yDocToDiagram(ydoc)).toEqual(normalised(second));
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it('lays the diagram out as the layout says', () => {
    const diagram = cleanDiagram();
    const ydoc = diagramToYDoc(diagram);
    const first = diagram.nodes[0]!;
    const entry = ydoc.getMap(NODES_KEY).get(first.id) as Y.Map<unknown>;
    expect(entry).toBeInstanceOf(Y.Map);
    expect(entry.has('id')).toBe(false);
    expect(entry.get('title')).toBe(first.title);
    if (first.data) expect(entry.get('data')).toBeInstanceOf(Y.Map);
    expect(ydoc.getMap(EDGES_KEY).size).toBe(diagram.edges.length);
    const document = ydoc.getMap(DOCUMENT_KEY);
    expect(document.get('name')).toBe(diagram.name);
    expect(document.get('meta')).toBeInstanceOf(Y.Map);
    expect(document.has('$schema')).toBe(false);
  });

  it('carries every top-level field, comments included, and ones the schema does not know', () => {
    const ydoc = diagramToYDoc(cleanDiagram());
    const thread = {
      id: 't1',
      target: { type: 'node' as const, id: cleanDiagram().nodes[0]!.id },
      messages: [{ id: 'm1', author: 'Ana', text: 'Why 3%?', createdAt: '2026-12-01T10:00:00Z' }],
    };
    const commented: Diagram = { ...cleanDiagram(), comments: [thread] };
    applyDiagramToYDoc(ydoc, commented, 'test');
    expect(yDocToDiagram(peerOf(ydoc)).comments).toEqual([thread]);
    const future = { ...commented, futureField: { a: 1 } } as unknown as Diagram;
    applyDiagramToYDoc(ydoc, future, 'test');
    expect((ydoc.getMap(DOCUMENT_KEY).get('futureField') as Y.Map<unknown>).toJSON()).toEqual({
      a: 1,
    });
    // This version's schema is strict, so the gate refuses a field it does not know.
    expect(parseYDoc(ydoc).ok).toBe(false);
  });
});

describe('applyDiagramToYDoc', () => {
  it('writes nothing when nothing changed', () => {
    const diagram = cleanDiagram();
    const ydoc = diagramToYDoc(diagram);
    let updates = 0;
    ydoc.on('update', () => updates++);
    applyDiagramToYDoc(ydoc, structuredClone(diagram), 'test');
    expect(updates).toBe(0);
  });

  it('sets only the changed key, in one transaction with the given origin', () => {
    const diagram = cleanDiagram();
    const ydoc = diagramToYDoc(diagram);
    const id = diagram.nodes[0]!.id;
    const origins: unknown[] = [];
    const changed: string[] = [];
    ydoc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    ydoc.getMap(NODES_KEY).observeDeep((events) => {
      for (const event of events) {
        for (const key of event.keys.keys()) changed.push(`${event.path.join('.')}:${key}`);
      }
    });
    applyDiagramToYDoc(ydoc, retitle(diagram, id, 'Renamed'), 'me');
    expect(origins).toEqual(['me']);
    expect(changed).toEqual([`${id}:title`]);
  });

  it('deletes removed cards, edges and fields', () => {
    const diagram = cleanDiagram();
    const ydoc = diagramToYDoc(diagram);
    const [gone, ...rest] = diagram.nodes;
    const next: Diagram = {
      ...diagram,
      nodes: rest,
      edges: diagram.edges.filter((e) => e.source !== gone!.id && e.target !== gone!.id),
      meta: {},
    };
    applyDiagramToYDoc(ydoc, next, 'test');
    expect(ydoc.getMap(NODES_KEY).has(gone!.id)).toBe(false);
    expect(yDocToDiagram(ydoc)).toEqual(normalised(next));
  });
});

describe('two people editing at once', () => {
  const base = (): Diagram => ({
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Shared',
    meta: { currency: 'USD' },
    nodes: [
      node('stage', 'stage-a', 'Discovery', { owner: 'Ana', notes: 'first call' }),
      node('stage', 'stage-b', 'Demo'),
    ],
    edges: [edge('e1', 'stage-a', 'stage-b')],
  });

  it('keeps both edits to different fields of one card', () => {
    const alice = diagramToYDoc(base());
    const bob = peerOf(alice);
    applyDiagramToYDoc(alice, retitle(base(), 'stage-a', 'Qualified discovery'), 'alice');
    applyDiagramToYDoc(bob, patchData(base(), 'stage-a', { owner: 'Bo' }), 'bob');
    sync(alice, bob);
    for (const peer of [alice, bob]) {
      const merged = nodeOf(yDocToDiagram(peer), 'stage-a');
      expect(merged.title).toBe('Qualified discovery');
      expect(merged.data).toEqual({ owner: 'Bo', notes: 'first call' });
    }
  });

  it('keeps both edits to different entries of meta, and cards added on each side', () => {
    const alice = diagramToYDoc(base());
    const bob = peerOf(alice);
    const a = base();
    applyDiagramToYDoc(
      alice,
      {
        ...a,
        meta: { ...a.meta, description: 'EMEA' },
        nodes: [...a.nodes, node('crm', 'crm-1', 'CRM')],
      },
      'alice',
    );
    const b = base();
    applyDiagramToYDoc(
      bob,
      { ...b, meta: { currency: 'EUR' }, nodes: [...b.nodes, node('tool', 'tool-1', 'Dialer')] },
      'bob',
    );
    sync(alice, bob);
    const merged = yDocToDiagram(alice);
    expect(merged).toEqual(yDocToDiagram(bob));
    expect(merged.meta).toEqual({ currency: 'EUR', description: 'EMEA' });
    expect(merged.nodes.map((n) => n.id)).toEqual(['crm-1', 'stage-a', 'stage-b', 'tool-1']);
  });

  it('converges on one value when both change the same field', () => {
    const alice = diagramToYDoc(base());
    const bob = peerOf(alice);
    applyDiagramToYDoc(alice, retitle(base(), 'stage-b', 'Demo (A)'), 'alice');
    applyDiagramToYDoc(bob, retitle(base(), 'stage-b', 'Demo (B)'), 'bob');
    sync(alice, bob);
    expect(nodeOf(yDocToDiagram(alice), 'stage-b').title).toBe(
      nodeOf(yDocToDiagram(bob), 'stage-b').title,
    );
  });

  it('merges random concurrent edits into the same valid diagram on both sides', () => {
    fc.assert(
      fc.property(validDiagram(), fc.nat(), fc.nat(), (diagram, i, j) => {
        const alice = diagramToYDoc(diagram);
        const bob = peerOf(alice);
        const renamed = diagram.nodes[i % Math.max(1, diagram.nodes.length)];
        if (renamed) applyDiagramToYDoc(alice, retitle(diagram, renamed.id, 'A'), 'alice');
        const moved = diagram.nodes[j % Math.max(1, diagram.nodes.length)];
        if (moved) {
          const next = {
            ...diagram,
            nodes: diagram.nodes.map((n) =>
              n.id === moved.id ? { ...n, position: { x: 20, y: 40 } } : n,
            ),
          };
          applyDiagramToYDoc(bob, next, 'bob');
        }
        sync(alice, bob);
        const merged = yDocToDiagram(alice);
        expect(yDocToDiagram(bob)).toEqual(merged);
        if (renamed) expect(nodeOf(merged, renamed.id).title).toBe('A');
        if (moved) expect(nodeOf(merged, moved.id).position).toEqual({ x: 20, y: 40 });
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('seedYDoc', () => {
  it('seeds an empty doc once, with the seed origin, and never over a seeded one', () => {
    const ydoc = new Y.Doc();
    const origins: unknown[] = [];
    ydoc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(seedYDoc(ydoc, cleanDiagram())).toBe(true);
    expect(origins).toEqual([SEED_ORIGIN]);
    const other = { ...cleanDiagram(), name: 'Local copy' };
    expect(seedYDoc(ydoc, other)).toBe(false);
    expect(yDocToDiagram(ydoc).name).toBe(cleanDiagram().name);
  });

  it('two clients seeding the same diagram concurrently end with one copy of each card', () => {
    const a = diagramToYDoc(cleanDiagram());
    const b = diagramToYDoc(cleanDiagram());
    sync(a, b);
    expect(yDocToDiagram(a)).toEqual(normalised(cleanDiagram()));
    expect(yDocToDiagram(b)).toEqual(yDocToDiagram(a));
  });
});

describe('parseYDoc refuses what the file gate refuses', () => {
  const valid = (): Y.Doc => diagramToYDoc(cleanDiagram());
  const firstNode = (ydoc: Y.Doc): Y.Map<unknown> =>
    [...ydoc.getMap(NODES_KEY).values()][0] as Y.Map<unknown>;
  const problemOf = (ydoc: Y.Doc): string => {
    const result = parseYDoc(ydoc);
    if (result.ok) throw new Error('expected a refusal');
    return `${result.problems[0]!.path}: ${result.problems[0]!.message}`;
  };

  it('an unknown kind', () => {
    const ydoc = valid();
    firstNode(ydoc).set('kind', 'spaceship');
    expect(problemOf(ydoc)).toMatch(/kind/);
  });

  it('an edge to a card that is not there', () => {
    const ydoc = valid();
    const e = new Y.Map<unknown>();
    ydoc.getMap(EDGES_KEY).set('dangling', e);
    e.set('source', cleanDiagram().nodes[0]!.id);
    e.set('target', 'nowhere');
    expect(problemOf(ydoc)).toMatch(/nowhere/);
  });

  it('a __proto__ key, on a card and in its data', () => {
    const onCard = valid();
    firstNode(onCard).set('__proto__', 'x');
    expect(problemOf(onCard)).toMatch(/__proto__.*not allowed/);
    const inData = valid();
    const data = new Y.Map<unknown>();
    firstNode(inData).set('data', data);
    data.set('__proto__', { polluted: true });
    expect(problemOf(inData)).toMatch(/__proto__.*not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 10 MB title', () => {
    const ydoc = valid();
    firstNode(ydoc).set('title', 'x'.repeat(10 * 1024 * 1024));
    expect(problemOf(ydoc)).toMatch(/5 MB/);
  });

  it('a shared type where a value belongs, and root types outside the layout', () => {
    const text = valid();
    firstNode(text).set('title', new Y.Text('hi'));
    expect(problemOf(text)).toMatch(/laid out/);
    const stray = valid();
    stray.getText('notes').insert(0, 'hello');
    expect(problemOf(stray)).toMatch(/"notes"/);
    const nodesInDocument = valid();
    nodesInDocument.getMap(DOCUMENT_KEY).set('nodes', []);
    expect(problemOf(nodesInDocument)).toMatch(/document\.nodes/);
  });
});
