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
const docKey = (id: string) => `doc:${id}`;

export class DiagramLibrary {
  private readonly db: UseStore;

  constructor(dbName = 'gtm-blueprint') {
    this.db = createStore(dbName, 'library');
  }

  async list(): Promise<DiagramSummary[]> {
    const index = await get<unknown>(INDEX_KEY, this.db);
    return Array.isArray(index) ? (index.filter(isSummary) as DiagramSummary[]) : [];
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
    const text = isStoredDoc(raw) ? raw.text : typeof raw === 'string' ? raw : JSON.stringify(raw);
    const parsed = parseDiagramFile(text);
    if (parsed.ok)
      return { ok: true, diagram: parsed.diagram, rev: isStoredDoc(raw) ? raw.rev : 0 };
    const quarantineKey = `quarantine:${id}:${Date.now()}`;
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
    const index = await this.list();
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
