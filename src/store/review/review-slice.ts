import {
  addThread,
  editMessage,
  replyToThread,
  setThreadResolved,
} from '../../model/edits/comment-edits';
import { updateMeta } from '../../model/edits/element-edits';
import { sameCommentTarget } from '../../model/comments';
import type { CommentTarget, Diagram } from '../../model/schema';
import type { ReviewBaseline } from '../../rules/engine';
import { readAuthorName, writeAuthorName } from '../../persistence/author-name';
import type { VersionKind, VersionStore, VersionSummary } from '../../persistence/versions';
import type { SliceCreator } from '../editor-store';
import { restoreVersion } from './restore-version';

/** What the canvas and the Compare panel compare the open diagram with. */
interface Comparison {
  /** "Q3 review", or the imported file's name. */
  readonly name: string;
  readonly diagram: Diagram;
}

export type CommentFocus =
  { readonly kind: 'draft' } | { readonly kind: 'thread'; readonly threadId: string };

type VersionsStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

/**
 * Quarterly reviews: versions of the open diagram (kept beside it by a VersionStore), the
 * comparison shown on the canvas, the last reviewed version the audit compares against, and
 * comment threads. Every change to the document here (restore, mark reviewed, each comment
 * edit) is one named intent through `applyTransform`, the document's normal edit path: one
 * undo step each, and the same path a shared room's backend takes.
 */
export interface ReviewSlice {
  versions: readonly VersionSummary[];
  versionsStatus: VersionsStatus;
  /** The newest version marked as reviewed, read in full, for `metric-drift`. */
  reviewBaseline: ReviewBaseline | undefined;
  comparison: Comparison | null;
  /** The name comments are signed with; null until the user gives one. */
  authorName: string | null;
  /** A new thread being written (the Comments panel opens on it). */
  commentDraft: CommentTarget | null;
  /** Where the Comments panel moves focus when it next draws, asked for by `commentOn`. */
  commentFocus: CommentFocus | null;

  connectVersions(store: VersionStore): void;
  refreshVersions(): Promise<void>;
  /** Saves the open diagram as a version; returns the message to show when it was not saved. */
  saveVersion(name: string, note?: string, kind?: VersionKind, at?: number): Promise<string | null>;
  /** Sets `meta.lastReviewed` (one undo step) and saves a version named for the date. */
  markReviewed(now?: Date): Promise<string | null>;
  restoreVersion(id: string): Promise<string | null>;
  readVersion(id: string): Promise<{ ok: true; diagram: Diagram } | { ok: false; message: string }>;
  /** Deletes a version for good; returns the message to show when it was not deleted. */
  deleteVersion(id: string): Promise<string | null>;
  compareWith(comparison: Comparison | null): void;
  compareWithVersion(id: string): Promise<string | null>;
  /** Compares with a file (JSON or our PNG text) read through the file gate; the open diagram is untouched. */
  compareWithFile(text: string, fileName: string): Promise<string | null>;

  setAuthorName(name: string): void;
  startComment(target: CommentTarget | null): void;
  /**
   * Opens the Comments tab on a target: on its oldest open thread if it has one (a second
   * thread on the same finding is rarely meant), otherwise on a new thread about it.
   */
  commentOn(target: CommentTarget): void;
  /** The Comments panel took the focus it was asked to. */
  clearCommentFocus(): void;
  addComment(target: CommentTarget, text: string, now?: Date): void;
  replyToComment(threadId: string, text: string, now?: Date): void;
  editComment(threadId: string, messageId: string, text: string, now?: Date): void;
  resolveComment(threadId: string, resolved: boolean): void;
}

/** `YYYY-MM-DD` in UTC, the form `meta.lastReviewed` holds. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const UNAVAILABLE =
  'Version storage is not available in this browser, so versions cannot be saved.';

export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => {
  let store: VersionStore | null = null;
  /** Ignores a list that arrives after the user opened another diagram. */
  let listFor: string | null = null;
  /** The diagram the current list belongs to. */
  let listedFor: string | null = null;
  const author = () => get().authorName ?? undefined;
  const findingsOf = (diagram: Diagram) => get().derived.auditOf(diagram).findings.length;

  const loadBaseline = async (versions: readonly VersionSummary[]) => {
    const reviewed = versions.find((v) => v.kind === 'reviewed');
    if (!reviewed || !store) return undefined;
    if (
      get().reviewBaseline &&
      reviewedIdOf.get(get().reviewBaseline as ReviewBaseline) === reviewed.id
    ) {
      return get().reviewBaseline;
    }
    const read = await store.read(reviewed.id);
    if (!read.ok) return undefined;
    const baseline: ReviewBaseline = {
      diagram: read.diagram,
      reviewedAt: reviewed.reviewedOn ?? isoDay(new Date(reviewed.createdAt)),
    };
    reviewedIdOf.set(baseline, reviewed.id);
    return baseline;
  };
  const reviewedIdOf = new WeakMap<ReviewBaseline, string>();

  return {
    versions: [],
    versionsStatus: 'idle',
    reviewBaseline: undefined,
    comparison: null,
    authorName: readAuthorName(),
    commentDraft: null,
    commentFocus: null,

    connectVersions(versionStore) {
      store = versionStore;
      void get().refreshVersions();
    },
    async refreshVersions() {
      if (!store) return;
      const diagramId = get().diagramId;
      // Another diagram's list and baseline must never show (or audit) against this one.
      if (listedFor !== diagramId) {
        set({ versions: [], versionsStatus: 'loading', reviewBaseline: undefined });
      }
      listFor = diagramId;
      try {
        const versions = await store.list(diagramId);
        if (listFor !== diagramId) return;
        const reviewBaseline = await loadBaseline(versions);
        if (listFor !== diagramId) return;
        listedFor = diagramId;
        set({ versions, versionsStatus: 'ready', reviewBaseline });
      } catch {
        if (listFor !== diagramId) return;
        listedFor = diagramId;
        set({ versionsStatus: 'unavailable', versions: [], reviewBaseline: undefined });
      }
    },
    async saveVersion(name, note, kind = 'named', at = Date.now()) {
      if (!store) return UNAVAILABLE;
      const { diagram, diagramId } = get();
      const cleanName = name.trim() || new Date().toLocaleString('en');
      const cleanNote = note?.trim();
      const result = await store.save(
        diagramId,
        diagram,
        {
          name: cleanName,
          kind,
          findings: findingsOf(diagram),
          ...(cleanNote ? { note: cleanNote } : {}),
          ...(author() ? { author: author() as string } : {}),
          ...(kind === 'reviewed' && diagram.meta.lastReviewed
            ? { reviewedOn: diagram.meta.lastReviewed }
            : {}),
        },
        at,
      );
      await get().refreshVersions();
      return result.ok ? null : result.message;
    },
    async markReviewed(now = new Date()) {
      const day = isoDay(now);
      get().applyTransform((d) => updateMeta(d, { lastReviewed: day }), 'mark-reviewed');
      return get().saveVersion(`Review ${day}`, undefined, 'reviewed', now.getTime());
    },
    async readVersion(id) {
      if (!store) return { ok: false, message: UNAVAILABLE };
      const read = await store.read(id);
      return read.ok ? { ok: true, diagram: read.diagram } : { ok: false, message: read.message };
    },
    async restoreVersion(id) {
      const read = await get().readVersion(id);
      if (!read.ok) return read.message;
      get().applyTransform((d) => restoreVersion(d, read.diagram), 'restore-version');
      return null;
    },
    async deleteVersion(id) {
      if (!store) return UNAVAILABLE;
      let error: string | null = null;
      try {
        await store.remove(id);
      } catch (failure) {
        error = `The version was not deleted: ${failure instanceof Error ? failure.message : String(failure)}`;
      }
      await get().refreshVersions();
      return error;
    },
    compareWith(comparison) {
      set({ comparison });
    },
    async compareWithVersion(id) {
      const read = await get().readVersion(id);
      if (!read.ok) return read.message;
      const name = get().versions.find((v) => v.id === id)?.name ?? 'Version';
      set({ comparison: { name, diagram: read.diagram } });
      return null;
    },

    async compareWithFile(text, fileName) {
      // The file gate (schema and rule checks) loads with the first file, not at start-up.
      const { parseDiagramFile } = await import('../../io/parse-file');
      const parsed = parseDiagramFile(text);
      if (!parsed.ok) {
        const first = parsed.problems[0];
        return `"${fileName}" cannot be compared: ${first ? `${first.path}: ${first.message}` : 'it is not a diagram.'}`;
      }
      set({ comparison: { name: fileName, diagram: parsed.diagram } });
      return null;
    },

    setAuthorName(name) {
      const clean = name.replace(/\s+/g, ' ').trim();
      if (clean === '') return;
      writeAuthorName(clean);
      set({ authorName: clean });
    },
    startComment(target) {
      set({ commentDraft: target });
    },
    commentOn(target) {
      const open = (get().diagram.comments ?? []).find(
        (t) => !t.resolved && sameCommentTarget(t.target, target),
      );
      set(
        open
          ? { commentFocus: { kind: 'thread', threadId: open.id } }
          : { commentDraft: target, commentFocus: { kind: 'draft' } },
      );
      get().showSideTab('Comments');
    },
    clearCommentFocus() {
      set({ commentFocus: null });
    },
    addComment(target, text, now = new Date()) {
      const input = { author: author() ?? '', text, at: now.toISOString() };
      get().applyTransform((d) => addThread(d, target, input), 'add-comment');
      set({ commentDraft: null });
    },
    replyToComment(threadId, text, now = new Date()) {
      const input = { author: author() ?? '', text, at: now.toISOString() };
      get().applyTransform((d) => replyToThread(d, threadId, input), 'reply-comment');
    },
    editComment(threadId, messageId, text, now = new Date()) {
      const input = { author: author() ?? '', text, at: now.toISOString() };
      get().applyTransform((d) => editMessage(d, threadId, messageId, input), 'edit-comment');
    },
    resolveComment(threadId, resolved) {
      get().applyTransform(
        (d) => setThreadResolved(d, threadId, resolved),
        resolved ? 'resolve-comment' : 'reopen-comment',
      );
    },
  };
};
