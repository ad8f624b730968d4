import type { Diagram } from '../model/schema';
import type {
  DiagramSummary,
  LoadResult,
  SaveResult,
  UnreadableSummary,
} from '../persistence/library';
import type { Library } from './session';

/**
 * An in-memory library for session tests: the same revision rules as the IndexedDB one, and a
 * record of every save, so a test can tell what was written and when.
 */
export class MemoryLibrary implements Library {
  readonly docs = new Map<string, { diagram: Diagram; rev: number }>();
  readonly saves: { id: string; diagram: Diagram }[] = [];
  private summaries: DiagramSummary[] = [];
  private current: string | undefined;

  list(): Promise<DiagramSummary[]> {
    return Promise.resolve([...this.summaries]);
  }

  readonly unreadable = new Map<string, { summary: UnreadableSummary; text: string }>();

  listUnreadable(): Promise<UnreadableSummary[]> {
    return Promise.resolve([...this.unreadable.values()].map((entry) => entry.summary));
  }

  readUnreadable(key: string): Promise<string | null> {
    return Promise.resolve(this.unreadable.get(key)?.text ?? null);
  }

  currentId(): Promise<string | undefined> {
    return Promise.resolve(this.current);
  }

  setCurrentId(id: string): Promise<void> {
    this.current = id;
    return Promise.resolve();
  }

  load(id: string): Promise<LoadResult> {
    const doc = this.docs.get(id);
    return Promise.resolve(
      doc ? { ok: true, diagram: doc.diagram, rev: doc.rev } : { ok: false, reason: 'missing' },
    );
  }

  save(id: string, diagram: Diagram, baseRev: number): Promise<SaveResult> {
    const storedRev = this.docs.get(id)?.rev ?? 0;
    if (storedRev > baseRev) return Promise.resolve({ ok: false, reason: 'conflict', storedRev });
    const savedAt = Date.now();
    this.docs.set(id, { diagram, rev: storedRev + 1 });
    this.saves.push({ id, diagram });
    const summary = { id, name: diagram.name, updatedAt: savedAt, nodeCount: diagram.nodes.length };
    this.summaries = [...this.summaries.filter((s) => s.id !== id), summary];
    return Promise.resolve({ ok: true, rev: storedRev + 1, savedAt });
  }

  remove(id: string): Promise<void> {
    this.docs.delete(id);
    this.summaries = this.summaries.filter((s) => s.id !== id);
    return Promise.resolve();
  }
}
