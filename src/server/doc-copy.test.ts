import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EDGES_KEY, NODES_KEY, ROOT_KEYS } from '../collab/layout';
import { diagramToYDoc } from '../collab/to-ydoc';
import { createSyntheticDiagram } from '../testing/synthetic';
import { createDocCopy } from './doc-copy';

/** A peer with its own client id: its edits are structs of a client the room had not seen. */
function peerEdit(room: Y.Doc, change: (doc: Y.Doc) => void): void {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(room));
  const before = Y.encodeStateVector(peer);
  change(peer);
  Y.applyUpdate(room, Y.encodeStateAsUpdate(peer, before));
}

function retitleEvery(nth: number, title: string) {
  return (doc: Y.Doc) => {
    let i = 0;
    for (const entry of doc.getMap(NODES_KEY).values()) {
      if (i++ % nth === 0) (entry as Y.Map<unknown>).set('title', title);
    }
  };
}

function expectSame(copy: Y.Doc, source: Y.Doc): void {
  expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(source))).toBe(true);
  // A root type reads as JSON once it is asked for by its kind.
  for (const key of ROOT_KEYS)
    expect(copy.getMap(key).toJSON()).toEqual(source.getMap(key).toJSON());
  expect(copy.store.pendingStructs).toBeNull();
  expect(copy.store.pendingDs).toBeNull();
}

describe('createDocCopy', () => {
  it('makes, a piece at a time, the copy one update would make', () => {
    const room = diagramToYDoc(createSyntheticDiagram(200, 2));
    // Several clients, each overwriting the others' values, and cards deleted (their parts
    // garbage-collected): pieces of a later client point at structs of an earlier one.
    peerEdit(room, retitleEvery(3, 'Second'));
    peerEdit(room, retitleEvery(2, 'Third'));
    peerEdit(room, (doc) => {
      const nodes = doc.getMap(NODES_KEY);
      for (const id of [...nodes.keys()].slice(0, 20)) nodes.delete(id);
    });
    const once = new Y.Doc();
    Y.applyUpdate(once, Y.encodeStateAsUpdate(room));
    const copy = createDocCopy(room);
    let pieces = 0;
    while (!copy.step(0)) pieces++;
    expect(pieces).toBeGreaterThan(5);
    expectSame(copy.doc, once);
    expect(copy.bytes).toBeGreaterThanOrEqual(Y.encodeStateAsUpdate(copy.doc).length);
  });

  it('holds the source as it is when done, whatever the source took between pieces', () => {
    const room = diagramToYDoc(createSyntheticDiagram(200, 2));
    peerEdit(room, retitleEvery(4, 'Before'));
    const copy = createDocCopy(room);
    const changes = [
      retitleEvery(5, 'Between'),
      // Structs the copy already holds, deleted.
      (doc: Y.Doc) => {
        const nodes = doc.getMap(NODES_KEY);
        for (const id of [...nodes.keys()].slice(0, 10)) nodes.delete(id);
      },
      (doc: Y.Doc) => {
        const edges = doc.getMap(EDGES_KEY);
        for (const id of [...edges.keys()].slice(-10)) edges.delete(id);
      },
      retitleEvery(7, 'Later'),
    ];
    let pieces = 0;
    while (!copy.step(0)) {
      const change = changes[pieces++];
      if (change) peerEdit(room, change);
    }
    expect(pieces).toBeGreaterThan(changes.length);
    expectSame(copy.doc, room);
    expect(copy.bytes).toBeGreaterThanOrEqual(Y.encodeStateAsUpdate(copy.doc).length);
  });

  it('copies an empty doc', () => {
    const copy = createDocCopy(new Y.Doc());
    expect(copy.step(0)).toBe(true);
    expect(copy.doc.share.size).toBe(0);
  });
});
