import * as Y from 'yjs';
import { parseDiagramFile, type ParseResult } from '../io/parse-file';
import type { Problem } from '../io/problems';
import type { Diagram } from '../model/schema';
import { CommentsLayoutError, readComments } from './comments-ydoc';
import {
  COMMENTS_KEY,
  DOCUMENT_KEY,
  EDGES_KEY,
  NODE_DATA_KEY,
  NODES_KEY,
  ROOT_KEYS,
  UNSHARED_FILE_KEYS,
} from './layout';
import { defineKey } from './json';

/** A shared value that is not plain JSON where the layout expects one (or the reverse). */
export class LayoutError extends Error {
  constructor(readonly path: string) {
    super(`${path}: not in the shared layout`);
  }
}

/**
 * The file a Y.Doc holds, as plain values, before any validation: untrusted when the doc took
 * updates from peers. Throws a LayoutError where the doc breaks the layout.
 */
function readFile(ydoc: Y.Doc): Record<string, unknown> {
  const file = readDocumentFields(ydoc);
  const comments = ydoc.getMap(COMMENTS_KEY);
  if (comments.size > 0) defineKey(file, COMMENTS_KEY, readComments(comments, COMMENTS_KEY));
  file.nodes = readEntries(ydoc.getMap(NODES_KEY), NODES_KEY, NODE_DATA_KEY);
  file.edges = readEntries(ydoc.getMap(EDGES_KEY), EDGES_KEY, null);
  return file;
}

/** The file's top-level fields held in the document map (all but nodes, edges and new comments). */
export function readDocumentFields(ydoc: Y.Doc): Record<string, unknown> {
  const file: Record<string, unknown> = {};
  for (const [key, value] of ydoc.getMap(DOCUMENT_KEY).entries()) {
    const path = `${DOCUMENT_KEY}.${key}`;
    // An old room's comments, one plain array (see layout.ts); the map below wins when it has any.
    if (key === COMMENTS_KEY && !(value instanceof Y.Map)) {
      defineKey(file, key, plain(value, path));
      continue;
    }
    if (UNSHARED_FILE_KEYS.has(key)) throw new LayoutError(path);
    defineKey(file, key, value instanceof Y.Map ? readFlat(value, path) : plain(value, path));
  }
  return file;
}

function readEntries(
  map: Y.Map<unknown>,
  name: string,
  nestedKey: string | null,
): Record<string, unknown>[] {
  const ids = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => readEntry(map.get(id), `${name}.${id}`, id, nestedKey));
}

/** One node or edge as plain values, its id from its key; throws a LayoutError like readFile. */
export function readEntry(
  entry: unknown,
  path: string,
  id: string,
  nestedKey: string | null,
): Record<string, unknown> {
  if (!(entry instanceof Y.Map)) throw new LayoutError(path);
  const out: Record<string, unknown> = {};
  defineKey(out, 'id', id);
  for (const [key, value] of (entry as Y.Map<unknown>).entries()) {
    if (key === 'id') throw new LayoutError(`${path}.id`);
    const inner = `${path}.${key}`;
    if (key === nestedKey && value instanceof Y.Map) defineKey(out, key, readFlat(value, inner));
    else defineKey(out, key, plain(value, inner));
  }
  return out;
}

function readFlat(map: Y.Map<unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) defineKey(out, key, plain(value, `${path}.${key}`));
  return out;
}

function plain(value: unknown, path: string): unknown {
  if (value instanceof Y.AbstractType || value instanceof Uint8Array || value instanceof Y.Doc) {
    throw new LayoutError(path);
  }
  return value;
}

/** Root types in the doc other than the four of the layout (a peer may add any name). */
export function strayRoots(ydoc: Y.Doc): string[] {
  const allowed: readonly string[] = ROOT_KEYS;
  return [...ydoc.share.keys()].filter((key) => !allowed.includes(key));
}

/**
 * The diagram a Y.Doc holds, through the same gate as a file: the doc is rebuilt as a file,
 * serialised (so the 5 MB file limit applies) and parsed. Never throws.
 */
export function parseYDoc(ydoc: Y.Doc): ParseResult {
  const stray = strayRoots(ydoc);
  if (stray.length > 0) {
    return refuse('(room)', `The room holds a shared part "${stray[0]}" that diagrams do not use.`);
  }
  let file: Record<string, unknown>;
  try {
    file = readFile(ydoc);
  } catch (error) {
    if (!(error instanceof LayoutError || error instanceof CommentsLayoutError)) throw error;
    return refuse(error.path, 'This part of the room is not laid out the way diagrams are.');
  }
  let text: string;
  try {
    text = JSON.stringify(file);
  } catch {
    return refuse('(room)', 'The room holds a value that cannot be written to a file.');
  }
  return parseDiagramFile(text);
}

/** The diagram a Y.Doc holds; throws when it is not a valid diagram (see parseYDoc). */
export function yDocToDiagram(ydoc: Y.Doc): Diagram {
  const result = parseYDoc(ydoc);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(`The shared diagram is not valid: ${first?.path}: ${first?.message}`);
  }
  return result.diagram;
}

function refuse(path: string, message: string): ParseResult {
  const problem: Problem = { path, message };
  return { ok: false, problems: [problem] };
}
