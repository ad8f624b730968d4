import { createStore, del, get, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';
import { parseDiagramFile } from '../io/parse-file';
import type { Problem } from '../io/problems';
import { serializeDiagram } from '../io/serialize';
import type { Diagram } from '../model/schema';

/**
 * The only code that touches IndexedDB. Each diagram is kept as its file text (so a copy that
 * no longer parses can be moved aside byte for byte) with a revision number that lets two
 * tabs notice each other's saves.
 */
export interface DiagramSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
  readonly nodeCount: number;
}

/** A saved copy that failed to read and was set aside, byte for byte, under `key`. */
export interface UnreadableSummary {
  readonly key: string;
  readonly id: string;
  /** The name the diagram was last listed under. */
  readonly name: string;
  readonly setAsideAt: number;
}

interface StoredDoc {
  readonly text: string;
  readonly rev: number;
  readonly savedAt: number;
}

export type LoadResult =
  | { ok: true; diagram: Diagram; rev: number }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'corrupt'; problems: readonly Problem[]; quarantineKey: string };

export type SaveResult =
  | { ok: true; rev: number; savedAt: number }
  | { ok: false; reason: 'conflict'; storedRev: number }
  | { ok: false; reason: 'quota' | 'unavailable' | 'error'; message: string };

const INDEX_KEY = 'index';
const CURRENT_KEY = 'current';
const DOC_PREFIX = 'doc:';
const QUARANTINE_PREFIX = 'quarantine:';
const docKey = (id: string) => `${DOC_PREFIX}${id}`;

export class DiagramLibrary {
  private readonly db: UseStore;

  constructor(dbName = 'gtm-blueprint') {
    this.db = createStore(dbName, 'library');
  }

  /**
   * The diagrams that can be opened. A diagram set aside as unreadable keeps its entry in the
   * index (for its name) but has no saved copy left, so it is listed by `listUnreadable` instead.
   */
  async list(): Promise<DiagramSummary[]> {
    const { index, keys } = await this.readIndex();
    return index.filter((summary) => keys.has(docKey(summary.id)));
  }

  /** The saved copies set aside because they no longer read, newest first. */
  async listUnreadable(): Promise<UnreadableSummary[]> {
    const { index, keys } = await this.readIndex();
    const names = new Map(index.map((summary) => [summary.id, summary.name]));
    const unreadable: UnreadableSummary[] = [];
    for (const key of keys) {
      const parsed = parseQuarantineKey(key);
      if (parsed) unreadable.push({ key, ...parsed, name: names.get(parsed.id) ?? '' });
    }
    return unreadable.sort((a, b) => b.setAsideAt - a.setAsideAt);
  }

  /**
   * The bytes of a copy set aside, as they were saved: the file text the app wrote, or, for a
   * value that is not even a saved document, that value as JSON. Null when there is none.
   */
  async readUnreadable(key: string): Promise<string | null> {
    if (!key.startsWith(QUARANTINE_PREFIX)) return null;
    const raw = await get<unknown>(key, this.db);
    return raw === undefined ? null : storedText(raw);
  }

  private readIndex(): Promise<{ index: DiagramSummary[]; keys: Set<string> }> {
    return this.db('readonly', async (store) => {
      const [index, keys] = await Promise.all([
        promisifyRequest<unknown>(store.get(INDEX_KEY)),
        promisifyRequest<IDBValidKey[]>(store.getAllKeys()),
      ]);
      return {
        index: (Array.isArray(index) ? index.filter(isSummary) : []) as DiagramSummary[],
        keys: new Set(keys.filter((key): key is string => typeof key === 'string')),
      };
    });
  }

  /**
   * The diagram to open at start: the one this tab had open (so reloading a tab never swaps
   * in whatever another tab saved last), else the one saved last in any tab.
   */
  async currentId(): Promise<string | undefined> {
    const mine = readTabDiagram();
    if (mine) return mine;
    const id = await get<unknown>(CURRENT_KEY, this.db);
    return typeof id === 'string' ? id : undefined;
  }

  async setCurrentId(id: string): Promise<void> {
    writeTabDiagram(id);
    await set(CURRENT_KEY, id, this.db);
  }

  async storedRev(id: string): Promise<number> {
    const doc = await get<unknown>(docKey(id), this.db);
    return isStoredDoc(doc) ? doc.rev : 0;
  }

  /** Loads a diagram; a copy that fails to parse is moved aside under a quarantine key. */
  async load(id: string): Promise<LoadResult> {
    const raw = await get<unknown>(docKey(id), this.db);
    if (raw === undefined) return { ok: false, reason: 'missing' };
    const parsed = parseDiagramFile(storedText(raw));
    if (parsed.ok)
      return { ok: true, diagram: parsed.diagram, rev: isStoredDoc(raw) ? raw.rev : 0 };
    const quarantineKey = `${QUARANTINE_PREFIX}${id}:${Date.now()}`;
    // Written before the original is removed, so nothing is lost if either step fails.
    await set(quarantineKey, raw, this.db);
    await del(docKey(id), this.db);
    return { ok: false, reason: 'corrupt', problems: parsed.problems, quarantineKey };
  }

  /**
   * Saves unless another tab saved a newer revision since `baseRev` (then 'conflict', and
   * nothing is written). Quota and availability errors are told apart for the user.
   */
  async save(id: string, diagram: Diagram, baseRev: number): Promise<SaveResult> {
    try {
      const text = serializeDiagram(diagram, { pretty: false });
      // One readwrite transaction for the check and the write: IndexedDB runs overlapping
      // readwrite transactions one at a time, so two tabs can never both read revision n
      // and both write n + 1 (the later one would silently replace the other's work).
      return await this.db('readwrite', async (store): Promise<SaveResult> => {
        const [stored, index] = await Promise.all([
          promisifyRequest<unknown>(store.get(docKey(id))),
          promisifyRequest<unknown>(store.get(INDEX_KEY)),
        ]);
        const storedRev = isStoredDoc(stored) ? stored.rev : 0;
        if (storedRev > baseRev) return { ok: false, reason: 'conflict', storedRev };
        const savedAt = Date.now();
        const doc: StoredDoc = { text, rev: storedRev + 1, savedAt };
        const summaries = (Array.isArray(index) ? index.filter(isSummary) : []) as DiagramSummary[];
        const summary: DiagramSummary = {
          id,
          name: diagram.name,
          updatedAt: savedAt,
          nodeCount: diagram.nodes.length,
        };
        const nextIndex = summaries.some((s) => s.id === id)
          ? summaries.map((s) => (s.id === id ? summary : s))
          : [...summaries, summary];
        store.put(doc, docKey(id));
        store.put(nextIndex, INDEX_KEY);
        // Resolves on commit, so "saved" is only ever reported for a durable write.
        await promisifyRequest(store.transaction);
        return { ok: true, rev: doc.rev, savedAt };
      });
    } catch (error) {
      return describeStorageError(error);
    }
  }

  async remove(id: string): Promise<void> {
    // The whole index, so the entries of copies set aside keep their names.
    const { index } = await this.readIndex();
    await setMany([[INDEX_KEY, index.filter((s) => s.id !== id)]], this.db);
    await del(docKey(id), this.db);
  }
}

export function describeStorageError(error: unknown): SaveResult & { ok: false } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return {
      ok: false,
      reason: 'quota',
      message:
        'The browser storage is full, so changes are not being saved. Your diagram is safe in this tab: export it as JSON, then free some space.',
    };
  }
  if (
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    /indexeddb|database/i.test(detail)
  ) {
    return {
      ok: false,
      reason: 'unavailable',
      message:
        'Browser storage is unavailable (private browsing?), so changes are kept in this tab only. Export your diagram to keep it.',
    };
  }
  return { ok: false, reason: 'error', message: `Saving failed: ${detail}` };
}

// sessionStorage is per tab and survives a reload; it can throw where storage is blocked.
const TAB_DIAGRAM_KEY = 'gtm-blueprint:tab-diagram';

function readTabDiagram(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(TAB_DIAGRAM_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeTabDiagram(id: string): void {
  try {
    globalThis.sessionStorage?.setItem(TAB_DIAGRAM_KEY, id);
  } catch {
    // Without it, a reload opens the diagram saved last, as before.
  }
}

function storedText(raw: unknown): string {
  return isStoredDoc(raw) ? raw.text : typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/** `quarantine:<diagram id>:<time set aside>`; ids never hold a colon, but the time is last. */
function parseQuarantineKey(key: string): { id: string; setAsideAt: number } | null {
  if (!key.startsWith(QUARANTINE_PREFIX)) return null;
  const rest = key.slice(QUARANTINE_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const setAsideAt = Number(rest.slice(colon + 1));
  if (colon <= 0 || !Number.isFinite(setAsideAt)) return null;
  return { id: rest.slice(0, colon), setAsideAt };
}

function isStoredDoc(value: unknown): value is StoredDoc {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StoredDoc).text === 'string' &&
    typeof (value as StoredDoc).rev === 'number'
  );
}

function isSummary(value: unknown): value is DiagramSummary {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DiagramSummary).id === 'string' &&
    typeof (value as DiagramSummary).name === 'string'
  );
}
