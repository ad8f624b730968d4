import type { Diagram } from '../model/schema';
import type {
  ChangeResult,
  DiagramSummary,
  Library,
  LibraryLists,
  LoadResult,
  SaveResult,
  StorageFailure,
  UnreadableSummary,
} from '../persistence/library';

type Operation = 'load' | 'save' | 'rename' | 'remove' | 'currentId';

/**
 * An in-memory library for session tests: the same revision rules as the IndexedDB one, and a
 * record of every save, so a test can tell what was written and when. `fail` makes the next
 * calls of an operation fail as storage can; `hold` keeps loads waiting until released.
 */
export class MemoryLibrary implements Library {
  readonly docs = new Map<string, { diagram: Diagram; rev: number }>();
  /** Copies written by a newer version, by id: this library cannot read them, only keep them. */
  readonly newer = new Map<string, number>();
  readonly saves: { id: string; diagram: Diagram }[] = [];
  readonly unreadable = new Map<string, { summary: UnreadableSummary; text: string }>();
  private summaries: DiagramSummary[] = [];
  private current: string | undefined;
  private readonly failures = new Map<Operation, StorageFailure[]>();
  private held: Promise<void> | null = null;

  /** The next `times` calls of `operation` fail with `failure`. */
  fail(operation: Operation, failure: StorageFailure, times = 1): void {
    this.failures.set(operation, [
      ...(this.failures.get(operation) ?? []),
      ...Array<StorageFailure>(times).fill(failure),
    ]);
  }

  /** Loads wait until the returned function is called (a slow restore). */
  hold(): () => void {
    let release = () => undefined as void;
    this.held = new Promise((done) => (release = done));
    return () => {
      this.held = null;
      release();
    };
  }

  /** Stores a copy the way a newer GTM Blueprint would have: listed, but not readable here. */
  putNewer(id: string, name: string, version: number): void {
    this.newer.set(id, version);
    this.summaries.push({ id, name, updatedAt: Date.now(), nodeCount: 0 });
  }

  lists(): Promise<LibraryLists> {
    return Promise.resolve(this.snapshot());
  }

  readUnreadable(key: string): Promise<string | null> {
    return Promise.resolve(this.unreadable.get(key)?.text ?? null);
  }

  currentId(): Promise<string | undefined> {
    const failure = this.failure('currentId');
    return failure
      ? Promise.reject(new DOMException(failure.message, 'SecurityError'))
      : Promise.resolve(this.current);
  }

  setCurrentId(id: string): Promise<void> {
    this.current = id;
    return Promise.resolve();
  }

  async load(id: string): Promise<LoadResult> {
    if (this.held) await this.held;
    const failure = this.failure('load');
    if (failure) return failure;
    const version = this.newer.get(id);
    if (version !== undefined) return { ok: false, reason: 'newer', version };
    const doc = this.docs.get(id);
    return doc
      ? { ok: true, diagram: doc.diagram, rev: doc.rev }
      : { ok: false, reason: 'missing' };
  }

  peek(id: string): Promise<Diagram | null> {
    return Promise.resolve(this.newer.has(id) ? null : (this.docs.get(id)?.diagram ?? null));
  }

  save(id: string, diagram: Diagram, baseRev: number): Promise<SaveResult> {
    const failure = this.failure('save');
    if (failure) return Promise.resolve(failure);
    const storedRev = this.docs.get(id)?.rev ?? 0;
    if (storedRev > baseRev) return Promise.resolve({ ok: false, reason: 'conflict', storedRev });
    const savedAt = Date.now();
    this.write(id, diagram, storedRev + 1, savedAt);
    return Promise.resolve({ ok: true, rev: storedRev + 1, savedAt, lists: this.snapshot() });
  }

  rename(id: string, name: string): Promise<ChangeResult> {
    const failure = this.failure('rename');
    if (failure) return Promise.resolve(failure);
    const version = this.newer.get(id);
    if (version !== undefined) return Promise.resolve({ ok: false, reason: 'newer', version });
    const doc = this.docs.get(id);
    if (!doc) return Promise.resolve({ ok: false, reason: 'missing' });
    this.write(id, { ...doc.diagram, name }, doc.rev + 1, Date.now());
    return Promise.resolve({ ok: true, rev: doc.rev + 1, lists: this.snapshot() });
  }

  remove(id: string): Promise<ChangeResult> {
    const failure = this.failure('remove');
    if (failure) return Promise.resolve(failure);
    if (!this.docs.delete(id) && !this.newer.delete(id))
      return Promise.resolve({ ok: false, reason: 'missing' });
    this.summaries = this.summaries.filter((s) => s.id !== id);
    return Promise.resolve({ ok: true, rev: 0, lists: this.snapshot() });
  }

  private write(id: string, diagram: Diagram, rev: number, savedAt: number): void {
    this.docs.set(id, { diagram, rev });
    this.saves.push({ id, diagram });
    const summary = { id, name: diagram.name, updatedAt: savedAt, nodeCount: diagram.nodes.length };
    this.summaries = [...this.summaries.filter((s) => s.id !== id), summary];
  }

  private failure(operation: Operation): StorageFailure | undefined {
    return this.failures.get(operation)?.shift();
  }

  private snapshot(): LibraryLists {
    return {
      diagrams: [...this.summaries],
      unreadable: [...this.unreadable.values()].map((entry) => entry.summary),
    };
  }
}
