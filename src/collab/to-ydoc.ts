import * as Y from 'yjs';
import type { Diagram } from '../model/schema';
import { writeComments } from './comments-ydoc';
import {
  COMMENTS_KEY,
  DOCUMENT_KEY,
  EDGES_KEY,
  NODE_DATA_KEY,
  NODES_KEY,
  SEED_ORIGIN,
  UNSHARED_FILE_KEYS,
} from './layout';
import { isPlainObject, jsonEqual, toPlainJson } from './json';

type Entry = { readonly id: string } & Record<string, unknown>;

/**
 * Writes `next` into the doc, touching only what differs: a changed title sets one key, a
 * removed card deletes one entry. Two people editing different fields of one card therefore
 * both keep their edit. One transaction with `origin`, so an undo manager sees one step.
 */
export function applyDiagramToYDoc(ydoc: Y.Doc, next: Diagram, origin: unknown): void {
  ydoc.transact(() => {
    writeEntries(ydoc.getMap(NODES_KEY), next.nodes, new Set([NODE_DATA_KEY]));
    writeEntries(ydoc.getMap(EDGES_KEY), next.edges, new Set());
    writeDocument(ydoc.getMap(DOCUMENT_KEY), next);
    writeComments(ydoc.getMap(COMMENTS_KEY), next.comments ?? []);
  }, origin);
}

/** A new Y.Doc holding `diagram`, written in one transaction with the seed origin. */
export function diagramToYDoc(diagram: Diagram, options: { gc?: boolean } = {}): Y.Doc {
  const ydoc = new Y.Doc({ gc: options.gc ?? true });
  seedYDoc(ydoc, diagram);
  return ydoc;
}

/**
 * Fills an empty doc with a diagram, once: a doc that already holds nodes, edges or a document
 * is left alone and `false` comes back, so a client bringing its local copy to a room that was
 * seeded already never duplicates or overwrites it.
 */
export function seedYDoc(ydoc: Y.Doc, diagram: Diagram): boolean {
  const empty =
    ydoc.getMap(NODES_KEY).size === 0 &&
    ydoc.getMap(EDGES_KEY).size === 0 &&
    ydoc.getMap(DOCUMENT_KEY).size === 0 &&
    ydoc.getMap(COMMENTS_KEY).size === 0;
  if (empty) applyDiagramToYDoc(ydoc, diagram, SEED_ORIGIN);
  return empty;
}

function writeEntries(
  map: Y.Map<unknown>,
  entries: readonly Entry[],
  nestedKeys: ReadonlySet<string>,
): void {
  const wanted = new Set(entries.map((entry) => entry.id));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const entry of entries) {
    let target = map.get(entry.id);
    if (!(target instanceof Y.Map)) {
      target = new Y.Map<unknown>();
      map.set(entry.id, target);
    }
    const { id: _id, ...fields } = entry;
    writeFields(target as Y.Map<unknown>, fields, nestedKeys);
  }
}

function writeDocument(map: Y.Map<unknown>, diagram: Diagram): void {
  const fields: Record<string, unknown> = {};
  const nested = new Set<string>();
  for (const [key, value] of Object.entries(diagram)) {
    if (UNSHARED_FILE_KEYS.has(key)) continue;
    fields[key] = value;
    if (isPlainObject(value)) nested.add(key);
  }
  writeFields(map, fields, nested);
}

/**
 * Sets each changed key and deletes the keys `fields` no longer has. A key in `nestedKeys` is
 * a Y.Map of its own, written the same way one level down.
 */
function writeFields(
  target: Y.Map<unknown>,
  fields: Record<string, unknown>,
  nestedKeys: ReadonlySet<string>,
): void {
  for (const key of [...target.keys()]) {
    if (fields[key] === undefined || !Object.hasOwn(fields, key)) target.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (nestedKeys.has(key) && isPlainObject(value)) {
      let inner = target.get(key);
      if (!(inner instanceof Y.Map)) {
        inner = new Y.Map<unknown>();
        target.set(key, inner);
      }
      writeFields(inner as Y.Map<unknown>, value, new Set());
    } else {
      // Compared as stored, so a lone surrogate the doc holds as U+FFFD is no change.
      const stored = toPlainJson(value);
      if (!jsonEqual(target.get(key), stored)) target.set(key, stored);
    }
  }
}
