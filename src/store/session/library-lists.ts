import type {
  DiagramSummary,
  Library,
  LibraryLists,
  UnreadableSummary,
} from '../../persistence/library';

const EMPTY: LibraryLists = { diagrams: [], unreadable: [] };

/**
 * The Diagrams dialog's lists, as storage last told them: with every save, rename and delete
 * (each answers with both lists from its own transaction), or read afresh after another tab's.
 */
export class LibraryListsView {
  private lists: LibraryLists = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly library: Pick<Library, 'lists'>) {}

  get diagrams(): readonly DiagramSummary[] {
    return this.lists.diagrams;
  }

  get unreadable(): readonly UnreadableSummary[] {
    return this.lists.unreadable;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(lists: LibraryLists): void {
    this.lists = lists;
    for (const listener of this.listeners) listener();
  }

  /** Reads both lists in one transaction. The lists are a convenience: a failure keeps the last. */
  async refresh(): Promise<void> {
    try {
      this.set(await this.library.lists());
    } catch {
      // The open diagram does not depend on the list.
    }
  }
}
