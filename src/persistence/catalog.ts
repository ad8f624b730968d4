import { promisifyRequest as request } from 'idb-keyval';

/**
 * The library's keys and what they mean. Each diagram is kept under `doc:<id>` as its file text
 * with a revision; `index` holds one summary per diagram (its name for the list, kept while a
 * copy set aside needs it); copies that no longer read sit under `quarantine:<id>:<time>`.
 */
const INDEX_KEY = 'index';
export const CURRENT_KEY = 'current';
const DOC_PREFIX = 'doc:';
export const QUARANTINE_PREFIX = 'quarantine:';
export const docKey = (id: string) => `${DOC_PREFIX}${id}`;

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

/** What the Diagrams dialog shows: the diagrams that open, and the copies set aside apart. */
export interface LibraryLists {
  readonly diagrams: readonly DiagramSummary[];
  readonly unreadable: readonly UnreadableSummary[];
}

export interface StoredDoc {
  readonly text: string;
  readonly rev: number;
  readonly savedAt: number;
}

/** The index and the keys, read in the caller's transaction. */
export class Catalog {
  private constructor(
    private entries: DiagramSummary[],
    private readonly docIds: Set<string>,
    private readonly quarantineKeys: string[],
    /** The stored index was damaged or missed a diagram, and was rebuilt from the documents. */
    readonly repaired: boolean,
  ) {}

  /**
   * Reads the index and every key. An index that is not a list, holds entries that are not
   * summaries, or misses a stored diagram is rebuilt from the documents themselves, so a damaged
   * index never hides a diagram, and the next write never replaces it with a single entry.
   */
  static async read(store: IDBObjectStore): Promise<Catalog> {
    const [raw, keys] = await Promise.all([
      request<unknown>(store.get(INDEX_KEY)),
      request<IDBValidKey[]>(store.getAllKeys()),
    ]);
    const docIds = new Set<string>();
    const quarantineKeys: string[] = [];
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      if (key.startsWith(DOC_PREFIX)) docIds.add(key.slice(DOC_PREFIX.length));
      else if (key.startsWith(QUARANTINE_PREFIX)) quarantineKeys.push(key);
    }
    const entries = Array.isArray(raw) ? raw.filter(isSummary) : [];
    let repaired = Array.isArray(raw) ? entries.length !== raw.length : raw !== undefined;
    const listed = new Set(entries.map((entry) => entry.id));
    const missing = [...docIds].filter((id) => !listed.has(id));
    if (missing.length > 0) {
      repaired = true;
      const docs = await Promise.all(missing.map((id) => request<unknown>(store.get(docKey(id)))));
      missing.forEach((id, i) => entries.push(summaryOfStored(id, docs[i])));
    }
    return new Catalog(entries, docIds, quarantineKeys, repaired);
  }

  hasDoc(id: string): boolean {
    return this.docIds.has(id);
  }

  /** Records a write of `summary`'s diagram, in memory; `write` stores the result. */
  upsert(summary: DiagramSummary): void {
    this.docIds.add(summary.id);
    this.entries = this.entries.some((entry) => entry.id === summary.id)
      ? this.entries.map((entry) => (entry.id === summary.id ? summary : entry))
      : [...this.entries, summary];
  }

  /** Records a deletion; the entry stays while a copy set aside still needs its name. */
  remove(id: string): void {
    this.docIds.delete(id);
    if (!this.quarantinedIds().has(id))
      this.entries = this.entries.filter((entry) => entry.id !== id);
  }

  /** Records a copy set aside under `key`. */
  setAside(id: string, key: string): void {
    this.docIds.delete(id);
    this.quarantineKeys.push(key);
  }

  /** Puts the index in the caller's readwrite transaction, without entries nothing needs. */
  write(store: IDBObjectStore): void {
    const quarantined = this.quarantinedIds();
    store.put(
      this.entries.filter((entry) => this.docIds.has(entry.id) || quarantined.has(entry.id)),
      INDEX_KEY,
    );
  }

  lists(): LibraryLists {
    const names = new Map(this.entries.map((entry) => [entry.id, entry.name]));
    const unreadable: UnreadableSummary[] = [];
    for (const key of this.quarantineKeys) {
      const parsed = parseQuarantineKey(key);
      if (parsed) unreadable.push({ key, ...parsed, name: names.get(parsed.id) ?? '' });
    }
    return {
      diagrams: this.entries.filter((entry) => this.docIds.has(entry.id)),
      unreadable: unreadable.sort((a, b) => b.setAsideAt - a.setAsideAt),
    };
  }

  private quarantinedIds(): Set<string> {
    const ids = new Set<string>();
    for (const key of this.quarantineKeys) {
      const parsed = parseQuarantineKey(key);
      if (parsed) ids.add(parsed.id);
    }
    return ids;
  }
}

/**
 * A summary read back from a stored document, for an index that lost it. Only the name and the
 * card count are needed, so the text is read as JSON without the full check (a copy that does
 * not read is still listed, and is set aside when opened, as any other).
 */
function summaryOfStored(id: string, raw: unknown): DiagramSummary {
  let name = '';
  let nodeCount = 0;
  try {
    const file = JSON.parse(storedText(raw)) as { name?: unknown; nodes?: unknown };
    if (typeof file.name === 'string') name = file.name;
    if (Array.isArray(file.nodes)) nodeCount = file.nodes.length;
  } catch {
    // Listed under no name; opening it tells the user why it does not read.
  }
  const updatedAt = isStoredDoc(raw) && typeof raw.savedAt === 'number' ? raw.savedAt : 0;
  return { id, name: name || 'Untitled diagram', updatedAt, nodeCount };
}

/** The file text of a stored value; a value that is not a saved document, as JSON. */
export function storedText(raw: unknown): string {
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

export function isStoredDoc(value: unknown): value is StoredDoc {
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
