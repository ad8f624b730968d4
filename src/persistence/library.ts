import { createStore, promisifyRequest as request, type UseStore } from 'idb-keyval';
import type { parseDiagramFile } from '../io/parse-file';
import type { Problem } from '../io/problems';
import { serializeDiagram } from '../io/serialize';
import type { Diagram } from '../model/schema';
import { CURRENT_VERSION, FORMAT } from '../model/version';
import {
  Catalog,
  CURRENT_KEY,
  docKey,
  isStoredDoc,
  QUARANTINE_PREFIX,
  storedText,
  type DiagramSummary,
  type LibraryLists,
  type StoredDoc,
} from './catalog';
import { describeStorageError, type StorageFailure } from './storage-error';
import { readTabDiagram, writeTabDiagram } from './tab-diagram';

type Parse = typeof parseDiagramFile;

// The file gate (schema and rule checks) loads with the first read rather than at start-up,
// and before the read's transaction opens: an import awaited inside one lets IndexedDB commit it.
const fileGate = (): Promise<Parse> => import('../io/parse-file').then((m) => m.parseDiagramFile);

export type { DiagramSummary, LibraryLists, UnreadableSummary } from './catalog';
export type { StorageFailure } from './storage-error';

/** A copy written by a newer GTM Blueprint: it is left exactly as it is, never set aside. */
interface NewerCopy {
  readonly ok: false;
  readonly reason: 'newer';
  readonly version: number;
}

export type LoadResult =
  | { ok: true; diagram: Diagram; rev: number; migratedFrom?: number }
  | { ok: false; reason: 'missing' }
  | NewerCopy
  | {
      ok: false;
      reason: 'corrupt';
      problems: readonly Problem[];
      quarantineKey: string;
      lists: LibraryLists;
    }
  | StorageFailure;

export type SaveResult =
  | { ok: true; rev: number; savedAt: number; lists: LibraryLists }
  | { ok: false; reason: 'conflict'; storedRev: number }
  | StorageFailure;

/** A change to a diagram that is not open: renaming or deleting it from the Diagrams dialog. */
export type ChangeResult =
  { ok: true; rev: number; lists: LibraryLists } | Exclude<LoadResult, { ok: true }>;

/**
 * What the session needs of its storage: IndexedDB in the app, an in-memory one in tests. Every
 * operation is one transaction, so two tabs interleave only between whole operations.
 */
export interface Library {
  lists(): Promise<LibraryLists>;
  readUnreadable(key: string): Promise<string | null>;
  currentId(): Promise<string | undefined>;
  setCurrentId(id: string): Promise<void>;
  load(id: string): Promise<LoadResult>;
  /**
   * Reads a diagram without consequences (a thumbnail): null when it does not read, and an
   * unreadable copy is left where it is, for `load` to set aside when the user opens it.
   */
  peek(id: string): Promise<Diagram | null>;
  save(id: string, diagram: Diagram, baseRev: number): Promise<SaveResult>;
  rename(id: string, name: string): Promise<ChangeResult>;
  remove(id: string): Promise<ChangeResult>;
}

type Read =
  | { ok: true; diagram: Diagram; rev: number; migratedFrom?: number }
  | Exclude<LoadResult, { ok: true } | StorageFailure>;

/**
 * The only code that touches IndexedDB. Each diagram is kept as its file text (so a copy that
 * no longer parses can be moved aside byte for byte) with a revision number that lets two
 * tabs notice each other's saves. Each method is one transaction: a read and the write that
 * depends on it are never split, so another tab's save can never land between them and be lost.
 */
export class DiagramLibrary implements Library {
  private readonly db: UseStore;

  constructor(dbName = 'gtm-blueprint') {
    // idb-keyval's store opens on first use and again after a failed open or a closed connection.
    this.db = createStore(dbName, 'library');
  }

  /**
   * The diagrams that can be opened, and the copies set aside. A diagram set aside keeps its
   * entry in the index (for its name) but has no saved copy left, so it is listed apart.
   */
  lists(): Promise<LibraryLists> {
    return this.db('readonly', async (store) => (await Catalog.read(store)).lists());
  }

  /**
   * The bytes of a copy set aside, as they were saved: the file text the app wrote, or, for a
   * value that is not even a saved document, that value as JSON. Null when there is none.
   */
  async readUnreadable(key: string): Promise<string | null> {
    if (!key.startsWith(QUARANTINE_PREFIX)) return null;
    const raw = await this.db('readonly', (store) => request<unknown>(store.get(key)));
    return raw === undefined ? null : storedText(raw);
  }

  /**
   * The diagram to open at start: the one this tab had open (so reloading a tab never swaps
   * in whatever another tab saved last), else the one saved last in any tab.
   */
  async currentId(): Promise<string | undefined> {
    const mine = readTabDiagram();
    if (mine) return mine;
    const id = await this.db('readonly', (store) => request<unknown>(store.get(CURRENT_KEY)));
    return typeof id === 'string' ? id : undefined;
  }

  async setCurrentId(id: string): Promise<void> {
    writeTabDiagram(id);
    await this.db('readwrite', async (store) => {
      store.put(id, CURRENT_KEY);
      await committed(store);
    });
  }

  /**
   * Loads a diagram. A copy that fails to parse is moved aside under a quarantine key in the
   * same transaction that read it; a copy from a newer version is left untouched.
   */
  async load(id: string): Promise<LoadResult> {
    const parse = await fileGate();
    return this.attempt('Opening', (store) => readDoc(store, id, parse));
  }

  async peek(id: string): Promise<Diagram | null> {
    try {
      const [raw, parse] = await Promise.all([
        this.db('readonly', (store) => request<unknown>(store.get(docKey(id)))),
        fileGate(),
      ]);
      if (raw === undefined) return null;
      const parsed = parse(storedText(raw));
      return parsed.ok ? parsed.diagram : null;
    } catch {
      return null;
    }
  }

  /**
   * Saves unless another tab saved a newer revision since `baseRev` (then 'conflict', and
   * nothing is written). The check, the write, the index and the lists are one transaction:
   * IndexedDB runs overlapping readwrite transactions one at a time, so two tabs can never both
   * read revision n and both write n + 1 (the later one would silently replace the other's work).
   */
  save(id: string, diagram: Diagram, baseRev: number): Promise<SaveResult> {
    // Serialised before the transaction opens, so it is never held open by the work.
    const text = serializeDiagram(diagram, { pretty: false });
    return this.attempt('Saving', async (store): Promise<SaveResult> => {
      const [stored, catalog] = await Promise.all([
        request<unknown>(store.get(docKey(id))),
        Catalog.read(store),
      ]);
      const storedRev = isStoredDoc(stored) ? stored.rev : 0;
      if (storedRev > baseRev) return { ok: false, reason: 'conflict', storedRev };
      const rev = storedRev + 1;
      const savedAt = writeDoc(store, catalog, id, diagram, text, rev);
      await committed(store);
      return { ok: true, rev, savedAt, lists: catalog.lists() };
    });
  }

  /** Renames a stored diagram in one transaction, on top of whatever revision is stored. */
  async rename(id: string, name: string): Promise<ChangeResult> {
    const parse = await fileGate();
    return this.attempt('Renaming', async (store): Promise<ChangeResult> => {
      const read = await readDoc(store, id, parse);
      if (!read.ok) return read;
      const catalog = await Catalog.read(store);
      const diagram = { ...read.diagram, name };
      const rev = read.rev + 1;
      writeDoc(store, catalog, id, diagram, serializeDiagram(diagram, { pretty: false }), rev);
      await committed(store);
      return { ok: true, rev, lists: catalog.lists() };
    });
  }

  /** Deletes a diagram and its index entry in one transaction; copies set aside stay. */
  remove(id: string): Promise<ChangeResult> {
    return this.attempt('Deleting', async (store): Promise<ChangeResult> => {
      const catalog = await Catalog.read(store);
      if (!catalog.hasDoc(id)) return { ok: false, reason: 'missing' };
      store.delete(docKey(id));
      catalog.remove(id);
      catalog.write(store);
      await committed(store);
      return { ok: true, rev: 0, lists: catalog.lists() };
    });
  }

  /** One readwrite transaction; a storage error becomes a result the user can be told. */
  private async attempt<T>(
    action: string,
    body: (store: IDBObjectStore) => Promise<T>,
  ): Promise<T | StorageFailure> {
    try {
      return await this.db('readwrite', async (store) => {
        try {
          return await body(store);
        } catch (error) {
          // A request that throws (a full quota) does not stop the ones before it from
          // committing; aborting keeps the operation all or nothing.
          abort(store.transaction);
          throw error;
        }
      });
    } catch (error) {
      return describeStorageError(error, action);
    }
  }
}

/** Resolves when the transaction commits, so a write is reported only once it is durable. */
function committed(store: IDBObjectStore): Promise<void> {
  return request(store.transaction).then(() => undefined);
}

function abort(transaction: IDBTransaction): void {
  try {
    transaction.abort();
  } catch {
    // Already committed or aborted.
  }
}

/**
 * Reads and parses one stored diagram inside the caller's readwrite transaction. A copy that
 * does not parse is moved aside there and then (the copy first, so nothing is lost if the
 * transaction stops half way: it is all or nothing anyway). A copy written by a newer version
 * is refused and left where it is, so the newer app still finds it.
 */
async function readDoc(store: IDBObjectStore, id: string, parse: Parse): Promise<Read> {
  const raw = await request<unknown>(store.get(docKey(id)));
  if (raw === undefined) return { ok: false, reason: 'missing' };
  const text = storedText(raw);
  const parsed = parse(text);
  const rev = isStoredDoc(raw) ? raw.rev : 0;
  if (parsed.ok) {
    return parsed.migratedFrom === undefined
      ? { ok: true, diagram: parsed.diagram, rev }
      : { ok: true, diagram: parsed.diagram, rev, migratedFrom: parsed.migratedFrom };
  }
  const newer = newerVersionOf(text);
  if (newer !== null) return { ok: false, reason: 'newer', version: newer };
  const catalog = await Catalog.read(store);
  const quarantineKey = `${QUARANTINE_PREFIX}${id}:${Date.now()}`;
  store.put(raw, quarantineKey);
  store.delete(docKey(id));
  catalog.setAside(id, quarantineKey);
  catalog.write(store);
  await committed(store);
  return {
    ok: false,
    reason: 'corrupt',
    problems: parsed.problems,
    quarantineKey,
    lists: catalog.lists(),
  };
}

/** Puts a document and its index entry in the caller's transaction; returns when it was saved. */
function writeDoc(
  store: IDBObjectStore,
  catalog: Catalog,
  id: string,
  diagram: Diagram,
  text: string,
  rev: number,
): number {
  const savedAt = Date.now();
  const doc: StoredDoc = { text, rev, savedAt };
  const summary: DiagramSummary = {
    id,
    name: diagram.name,
    updatedAt: savedAt,
    nodeCount: diagram.nodes.length,
  };
  store.put(doc, docKey(id));
  catalog.upsert(summary);
  catalog.write(store);
  return savedAt;
}

/**
 * The format version of a refused file when it is a GTM Blueprint file newer than this app
 * reads; null otherwise. Looked at only after the parse gate refused the text, so the cost of a
 * second JSON parse falls on a copy that does not open anyway.
 */
function newerVersionOf(text: string): number | null {
  try {
    const file = JSON.parse(text) as { format?: unknown; version?: unknown };
    return file.format === FORMAT &&
      typeof file.version === 'number' &&
      Number.isInteger(file.version) &&
      file.version > CURRENT_VERSION
      ? file.version
      : null;
  } catch {
    return null;
  }
}
