import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { CommentsLayoutError, readThread } from '../collab/comments-ydoc';
import { LayoutError, readDocumentFields, readEntry, strayRoots } from '../collab/from-ydoc';
import { defineKey, isPlainObject } from '../collab/json';
import { COMMENTS_KEY, DOCUMENT_KEY, EDGES_KEY, NODE_DATA_KEY, NODES_KEY } from '../collab/layout';
import { parseDiagramValue } from '../io/parse-file';
import { LIMITS } from '../model/schema';
import { CURRENT_VERSION, FORMAT, MAX_FILE_BYTES } from '../model/version';

/**
 * What the file gate would say of the room's diagram: `full` when the room is in a shape the
 * index does not judge (an older format version, or comments still in the old array), or the
 * index is still being built, and the whole diagram must go through the gate.
 */
export type IndexVerdict = 'ok' | 'invalid' | 'too-large' | 'full';

export interface DiagramIndex {
  verdict(): IndexVerdict;
  /** Entries that fail their check or break the layout (for the refusal's log line). */
  failing(): number;
  /** True once a transaction could not be followed: the index then only answers `full`. */
  stale(): boolean;
  /**
   * Reads entries until `until` (a performance.now() time, Infinity for all at once); true once
   * every entry is read. Until then the index answers `full`: a half-built index judges nothing.
   */
  build(until: number): boolean;
  destroy(): void;
}

/** Entries read and judged together: one gate run each when they all pass, as rooms do. */
const BATCH = 100;

/** One node, edge or thread: its size in the file, and what it points at. */
interface Entry {
  bytes: number;
  /** Ids of nodes (edges) or `node:`/`edge:` element keys (threads) its check read. */
  refs: readonly string[];
}

/** An entry whose own check fails is `invalid`; one that cannot be read as a file is `broken`. */
interface Part {
  readonly map: Y.Map<unknown>;
  readonly entries: Map<string, Entry>;
  readonly invalid: Set<string>;
  readonly broken: Set<string>;
  bytes: number;
}

const NO_REFS: readonly string[] = [];

/** A shared type as transactions name it. */
type Shared = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/**
 * The file gate's verdict on a Y.Doc, kept up to date entry by entry. Every transaction on the
 * doc re-reads only the nodes, edges and threads it touched, and those whose check read one of
 * them (an edge and its two cards, a thread and the card or edge it is about, the document and
 * the cards its CRM stage map names). Each entry is judged by `parseDiagramValue` on a small
 * file holding the entry and the entries it refers to, so the schema, the hostile-key walk and
 * the reference checks are the file gate's own; the file's size is the sum of the entries'
 * serialised sizes, exact to the byte. A file is valid exactly when every such small file is,
 * because the gate judges array items one by one and ids are map keys (never duplicated).
 *
 * Building reads every entry once and judges them a batch at a time: a batch file (the entries
 * and the cards they point at) passes exactly when each entry's small file does, for the same
 * reason; a batch that fails is judged again entry by entry. The doc may change while the index
 * is built in slices: it follows every transaction from the start, and an entry the build has
 * not reached yet is read as it is when the build gets there.
 *
 * No entry is taken on trust, not even when the room as stored passed the gate: building
 * judges every entry, which costs less than the whole read that trust would need.
 */
export function createDiagramIndex(doc: Y.Doc): DiagramIndex {
  const part = (name: string): Part => ({
    map: doc.getMap(name),
    entries: new Map(),
    invalid: new Set(),
    broken: new Set(),
    bytes: 0,
  });
  const nodes = part(NODES_KEY);
  const edges = part(EDGES_KEY);
  const threads = part(COMMENTS_KEY);
  const documentRoot = doc.getMap(DOCUMENT_KEY);
  const document = {
    bytes: 0,
    fields: 0,
    invalid: false,
    broken: false,
    /** Older version, or comments in the old array: the whole file goes through the gate. */
    full: false,
    /** Comments in the old array (layout.ts), read only while the comments map is empty. */
    oldComments: false,
    stageTargets: new Set<string>(),
  };
  /** Node id → edges that join it; `node:id` / `edge:id` → threads about it. */
  const edgesAt = new Map<string, Set<string>>();
  const threadsAbout = new Map<string, Set<string>>();
  let lost = false;
  /** Each card as read, while building: an edge's check reads its two cards again otherwise. */
  let cards: Map<string, unknown> | null = new Map();

  function nodeValue(id: string): unknown {
    if (cards?.has(id)) return cards.get(id);
    const entry = nodes.map.get(id);
    if (entry === undefined) return undefined;
    try {
      return JSON.parse(JSON.stringify(readEntry(entry, `${NODES_KEY}.${id}`, id, NODE_DATA_KEY)));
    } catch {
      return undefined;
    }
  }

  function edgeValue(id: string): unknown {
    const entry = edges.map.get(id);
    if (entry === undefined) return undefined;
    try {
      return JSON.parse(JSON.stringify(readEntry(entry, `${EDGES_KEY}.${id}`, id, null)));
    } catch {
      return undefined;
    }
  }

  /** The ids an edge joins, as its check reads them. */
  function endpoints(edge: unknown): string[] {
    if (!isPlainObject(edge)) return [];
    const ids: string[] = [];
    for (const end of [edge.source, edge.target]) {
      if (typeof end === 'string' && !ids.includes(end)) ids.push(end);
    }
    return ids;
  }

  function present(values: unknown[]): unknown[] {
    return values.filter((value) => value !== undefined);
  }

  function judge(fields: { nodes?: unknown[]; edges?: unknown[]; comments?: unknown[] }): boolean {
    const file: Record<string, unknown> = {
      format: FORMAT,
      version: CURRENT_VERSION,
      name: '',
      nodes: fields.nodes ?? [],
      edges: fields.edges ?? [],
    };
    if (fields.comments) file.comments = fields.comments;
    return parseDiagramValue(file).ok;
  }

  /** Reads an entry as JSON text; null when it breaks the layout or is not serialisable. */
  function readText(read: () => Record<string, unknown>): string | null {
    try {
      return JSON.stringify(read());
    } catch (error) {
      if (error instanceof LayoutError || error instanceof CommentsLayoutError) return null;
      if (error instanceof TypeError) return null;
      throw error;
    }
  }

  function setEntry(target: Part, id: string, entry: Entry | undefined, valid: boolean): void {
    const old = target.entries.get(id);
    if (old) target.bytes -= old.bytes;
    target.invalid.delete(id);
    target.broken.delete(id);
    if (entry === undefined) {
      target.entries.delete(id);
      return;
    }
    target.entries.set(id, entry);
    target.bytes += entry.bytes;
    if (!valid) target.invalid.add(id);
  }

  function stateOf(target: Part, id: string): 'absent' | 'valid' | 'invalid' | 'broken' {
    if (!target.entries.has(id)) return 'absent';
    if (target.broken.has(id)) return 'broken';
    return target.invalid.has(id) ? 'invalid' : 'valid';
  }

  function link(index: Map<string, Set<string>>, keys: readonly string[], id: string, on: boolean) {
    for (const key of keys) {
      let set = index.get(key);
      if (on) {
        if (!set) index.set(key, (set = new Set()));
        set.add(id);
      } else if (set) {
        set.delete(id);
        if (set.size === 0) index.delete(key);
      }
    }
  }

  /** An entry's own check, run later: alone, or with its batch first. */
  type Judged = { readonly id: string; readonly fields: Parameters<typeof judge>[0] } | null;

  /**
   * Judges entries read as valid: the batch as one file, and only when it fails each on its own.
   * The batch's file holds each entry's small file, without repeats, so it passes exactly when
   * they all do: the gate judges array items one by one and ids are map keys.
   */
  function settle(target: Part, judged: readonly Judged[]): void {
    const own = judged.filter((item) => item !== null);
    if (own.length === 0) return;
    if (own.length > 1) {
      // Two entries may point at one card or edge; the file holds it once, as either would.
      const union = (pick: (fields: Parameters<typeof judge>[0]) => unknown[] | undefined) => {
        const values = new Map<unknown, unknown>();
        for (const item of own) {
          for (const value of pick(item.fields) ?? []) {
            values.set(
              isPlainObject(value) && typeof value.id === 'string' ? value.id : value,
              value,
            );
          }
        }
        return [...values.values()];
      };
      const fields = {
        nodes: union((f) => f.nodes),
        edges: union((f) => f.edges),
        comments: union((f) => f.comments),
      };
      if (judge(fields.comments.length > 0 ? fields : { nodes: fields.nodes, edges: fields.edges }))
        return;
    }
    for (const item of own) if (!judge(item.fields)) target.invalid.add(item.id);
  }

  function readNode(id: string): Judged {
    const entry = nodes.map.get(id);
    if (!nodes.map.has(id)) {
      cards?.delete(id);
      setEntry(nodes, id, undefined, true);
      return null;
    }
    const text = readText(() => readEntry(entry, `${NODES_KEY}.${id}`, id, NODE_DATA_KEY));
    if (text === null) {
      cards?.set(id, undefined);
      setEntry(nodes, id, { bytes: 0, refs: NO_REFS }, true);
      nodes.broken.add(id);
      return null;
    }
    const node: unknown = JSON.parse(text);
    cards?.set(id, node);
    setEntry(nodes, id, { bytes: Buffer.byteLength(text), refs: NO_REFS }, true);
    return { id, fields: { nodes: [node] } };
  }

  function checkNode(id: string): void {
    settle(nodes, [readNode(id)]);
  }

  function readEdge(id: string): Judged {
    const old = edges.entries.get(id);
    if (old) link(edgesAt, old.refs, id, false);
    const entry = edges.map.get(id);
    if (!edges.map.has(id)) {
      setEntry(edges, id, undefined, true);
      return null;
    }
    const text = readText(() => readEntry(entry, `${EDGES_KEY}.${id}`, id, null));
    if (text === null) {
      setEntry(edges, id, { bytes: 0, refs: NO_REFS }, true);
      edges.broken.add(id);
      return null;
    }
    const edge: unknown = JSON.parse(text);
    const refs = endpoints(edge);
    setEntry(edges, id, { bytes: Buffer.byteLength(text), refs }, true);
    link(edgesAt, refs, id, true);
    return { id, fields: { nodes: present(refs.map(nodeValue)), edges: [edge] } };
  }

  function checkEdge(id: string): void {
    settle(edges, [readEdge(id)]);
  }

  /** The element a thread is about, as `node:id` or `edge:id`. */
  function elementOf(thread: unknown): string | null {
    if (!isPlainObject(thread) || !isPlainObject(thread.target)) return null;
    const target = thread.target;
    const element = target.type === 'finding' ? target.element : target;
    if (!isPlainObject(element) || typeof element.id !== 'string') return null;
    return element.type === 'node' || element.type === 'edge'
      ? `${element.type}:${element.id}`
      : null;
  }

  function readThreadEntry(id: string): Judged {
    const old = threads.entries.get(id);
    if (old) link(threadsAbout, old.refs, id, false);
    const entry = threads.map.get(id);
    if (!threads.map.has(id)) {
      setEntry(threads, id, undefined, true);
      return null;
    }
    const text = readText(() => readThread(entry, `${COMMENTS_KEY}.${id}`, id));
    if (text === null) {
      setEntry(threads, id, { bytes: 0, refs: NO_REFS }, true);
      threads.broken.add(id);
      return null;
    }
    const thread: unknown = JSON.parse(text);
    const element = elementOf(thread);
    const refs = element === null ? NO_REFS : [element];
    setEntry(threads, id, { bytes: Buffer.byteLength(text), refs }, true);
    link(threadsAbout, refs, id, true);
    const fields: { nodes: unknown[]; edges: unknown[]; comments: unknown[] } = {
      nodes: [],
      edges: [],
      comments: [thread],
    };
    if (element?.startsWith('node:')) fields.nodes = present([nodeValue(element.slice(5))]);
    if (element?.startsWith('edge:')) {
      const edge = edgeValue(element.slice(5));
      fields.edges = present([edge]);
      fields.nodes = present(endpoints(edge).map(nodeValue));
    }
    return { id, fields };
  }

  function checkThread(id: string): void {
    settle(threads, [readThreadEntry(id)]);
  }

  function checkDocument(): void {
    document.broken = false;
    document.invalid = false;
    document.full = false;
    document.stageTargets.clear();
    let parsed: Record<string, unknown>;
    try {
      const fields = readDocumentFields(doc);
      document.oldComments = Object.hasOwn(fields, COMMENTS_KEY);
      // The file takes the comments map's threads over the old array once there are any.
      if (threads.map.size > 0) delete fields[COMMENTS_KEY];
      document.bytes = 0;
      document.fields = 0;
      for (const key of Object.keys(fields)) {
        const text = JSON.stringify(fields[key]) as string | undefined;
        if (text === undefined) continue;
        document.bytes += Buffer.byteLength(JSON.stringify(key)) + 1 + Buffer.byteLength(text);
        document.fields++;
      }
      parsed = JSON.parse(JSON.stringify(fields)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof LayoutError || error instanceof TypeError) {
        document.broken = true;
        return;
      }
      throw error;
    }
    if (parsed.version !== CURRENT_VERSION || Object.hasOwn(parsed, COMMENTS_KEY)) {
      document.full = true;
      return;
    }
    const actuals = parsed.actuals;
    const stageMap = isPlainObject(actuals) ? actuals.stageMap : undefined;
    if (isPlainObject(stageMap)) {
      for (const target of Object.values(stageMap)) {
        if (typeof target === 'string') document.stageTargets.add(target);
      }
    }
    defineKey(parsed, NODES_KEY, present([...document.stageTargets].map(nodeValue)));
    defineKey(parsed, EDGES_KEY, []);
    document.invalid = !parseDiagramValue(parsed).ok;
  }

  /**
   * What is left to build: the document first (so a change to a card its stage map names is
   * followed from then on), then cards before the edges and threads that read them. The keys
   * are taken when a part starts; one added later is read by the transaction that added it.
   */
  const steps: {
    readonly target: Part;
    readonly read: (id: string) => Judged;
    keys: string[] | null;
  }[] = [
    { target: nodes, read: readNode, keys: null },
    { target: edges, read: readEdge, keys: null },
    { target: threads, read: readThreadEntry, keys: null },
  ];
  let documentRead = false;

  function build(until: number): boolean {
    if (!documentRead) {
      checkDocument();
      documentRead = true;
    }
    for (const step of steps) {
      step.keys ??= [...step.target.map.keys()].reverse();
      while (step.keys.length > 0) {
        const batch = step.keys.splice(-BATCH).reverse();
        settle(
          step.target,
          batch.map((id) => step.read(id)),
        );
        if (performance.now() >= until && (step.keys.length > 0 || step !== steps.at(-1))) {
          return false;
        }
      }
    }
    cards = null;
    return true;
  }
  let built = false;

  /** The root-level key of the entry a changed type belongs to, with its root. */
  function entryOf(type: Shared): [Shared, string | null] {
    let current = type;
    for (;;) {
      const item = current._item;
      if (item === null) return [current, null];
      const parent = item.parent as Shared;
      if (parent._item === null) return [parent, item.parentSub];
      current = parent;
    }
  }

  function onTransaction(transaction: Y.Transaction): void {
    if (lost || transaction.changed.size === 0) return;
    try {
      const touched = {
        nodes: new Set<string>(),
        edges: new Set<string>(),
        threads: new Set<string>(),
      };
      let documentTouched = false;
      for (const [type, keys] of transaction.changed) {
        const [shared, key] = entryOf(type);
        const root: unknown = shared;
        const changedKeys = type === shared ? [...keys] : [key];
        if (root === documentRoot) documentTouched = true;
        const target =
          root === nodes.map
            ? touched.nodes
            : root === edges.map
              ? touched.edges
              : root === threads.map
                ? touched.threads
                : null;
        if (!target) continue;
        for (const changed of changedKeys) if (changed !== null) target.add(changed);
      }
      // What refers to an entry is judged again only when the entry came or went, or turned
      // valid or invalid: an edge (or a thread) beside valid cards is valid whatever the cards
      // hold, and beside an invalid one the room is refused whatever the edge's own state.
      for (const id of touched.nodes) {
        const before = stateOf(nodes, id);
        checkNode(id);
        if (stateOf(nodes, id) !== before) {
          for (const edge of edgesAt.get(id) ?? []) touched.edges.add(edge);
          for (const thread of threadsAbout.get(`node:${id}`) ?? []) touched.threads.add(thread);
        }
        // The stage map names stage cards, so a card's kind matters to it.
        if (document.stageTargets.has(id)) documentTouched = true;
      }
      for (const id of touched.edges) {
        const before = stateOf(edges, id);
        checkEdge(id);
        if (stateOf(edges, id) !== before) {
          for (const thread of threadsAbout.get(`edge:${id}`) ?? []) touched.threads.add(thread);
        }
      }
      for (const id of touched.threads) checkThread(id);
      if (touched.threads.size > 0 && document.oldComments) documentTouched = true;
      if (documentTouched) checkDocument();
    } catch {
      lost = true;
    }
  }

  doc.on('afterTransaction', onTransaction);

  function fileBytes(): number {
    const array = (target: Part) => {
      const n = target.entries.size;
      return 2 + target.bytes + Math.max(n - 1, 0);
    };
    let bytes =
      document.bytes + '"nodes":'.length + array(nodes) + '"edges":'.length + array(edges);
    let fields = document.fields + 2;
    if (threads.entries.size > 0) {
      bytes += '"comments":'.length + array(threads);
      fields++;
    }
    return 2 + bytes + fields - 1;
  }

  return {
    verdict() {
      if (lost || !built) return 'full';
      if (strayRoots(doc).length > 0) return 'invalid';
      if (document.broken || nodes.broken.size + edges.broken.size + threads.broken.size > 0) {
        return 'invalid';
      }
      if (document.full) return 'full';
      if (fileBytes() > MAX_FILE_BYTES) return 'too-large';
      const invalid = nodes.invalid.size + edges.invalid.size + threads.invalid.size;
      if (invalid > 0 || document.invalid || threads.entries.size > LIMITS.threads)
        return 'invalid';
      return 'ok';
    },
    failing() {
      const parts = [nodes, edges, threads];
      const entries = parts.reduce((n, p) => n + p.invalid.size + p.broken.size, 0);
      return entries + (document.invalid || document.broken ? 1 : 0);
    },
    stale: () => lost,
    build(until) {
      if (built || lost) return built;
      try {
        built = build(until);
      } catch {
        lost = true;
      }
      return built;
    },
    destroy() {
      doc.off('afterTransaction', onTransaction);
    },
  };
}
