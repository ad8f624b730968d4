import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { parseYDoc } from '../collab/from-ydoc';
import { CLOSE_REASONS, type CloseReason } from '../collab/protocol';
import { createDiagramIndex, type DiagramIndex } from './diagram-index';
import { createDocCopy, type DocCopy } from './doc-copy';
import type { Limits } from './limits';

/** How long a slice of preparing a room's check may hold the event loop. */
const SLICE_MS = 4;

export interface Refusal {
  readonly reason: CloseReason;
  /** Sizes and counts for the log line; never content. */
  readonly detail: Record<string, number | string>;
}

/**
 * A copy of each open room that edits are tried on before the room takes them. It follows the
 * room through the room's own update events (re-applying what it already holds is a no-op in
 * Yjs), so trying an edit costs the edit, not a copy of the room. A refused edit leaves the copy
 * holding it: the copy is dropped and made again when needed.
 *
 * Made at once on a check that finds none, or in slices by `prepare` when the room loads (and
 * after a refusal), so a large room's copy and index do not hold the event loop for every other
 * room: a 5,000-card room took 0.35–0.65 s at once.
 */
interface Shadow {
  readonly doc: Y.Doc;
  /**
   * An upper bound of the copy's encoded size: the size of the pieces it was made of plus every
   * update since.
   */
  bytes: number;
  readonly follow: (update: Uint8Array) => void;
  /** The copy while it is still being made; the room's updates are followed once it is done. */
  copy: DocCopy | null;
  /** The gate's verdict kept per entry, made once the copy is; never for the whole check. */
  index: DiagramIndex | null;
  readonly incremental: boolean;
  /** Settles once a preparation in slices is over (or the copy dropped); null if none runs. */
  preparing: Promise<void> | null;
  dropped: boolean;
}

type Shadows = WeakMap<Y.Doc, Shadow>;

function shadowOf(shadows: Shadows, document: Y.Doc, incremental: boolean): Shadow {
  const existing = shadows.get(document);
  if (existing) return existing;
  const copy = createDocCopy(document);
  const shadow: Shadow = {
    doc: copy.doc,
    bytes: 0,
    copy,
    index: null,
    incremental,
    preparing: null,
    dropped: false,
    follow: (update) => {
      Y.applyUpdate(copy.doc, update);
      shadow.bytes += update.length;
    },
  };
  document.once('destroy', () => dropShadow(shadows, document));
  shadows.set(document, shadow);
  return shadow;
}

/** Copies until `until`; once the copy holds the room it follows the room, from the same turn. */
function copyUntil(shadow: Shadow, document: Y.Doc, until: number): boolean {
  const copy = shadow.copy;
  if (!copy) return true;
  if (!copy.step(until)) return false;
  shadow.copy = null;
  shadow.bytes += copy.bytes;
  document.on('update', shadow.follow);
  // Not before: each piece of the copy would be a transaction for the index to follow.
  if (shadow.incremental) shadow.index = createDiagramIndex(shadow.doc);
  return true;
}

function dropShadow(shadows: Shadows, document: Y.Doc): void {
  const shadow = shadows.get(document);
  if (!shadow) return;
  document.off('update', shadow.follow);
  shadow.index?.destroy();
  shadow.doc.destroy();
  shadow.dropped = true;
  shadows.delete(document);
}

/**
 * Makes the copy and builds its index a slice at a time, each slice in a turn of its own. A
 * copy that fails is dropped (a check then makes it again at once, and says what failed).
 */
function prepareInSlices(shadow: Shadow, document: Y.Doc, drop: () => void): Promise<void> {
  return new Promise((done) => {
    const slice = () => {
      if (shadow.dropped) return done();
      const until = performance.now() + SLICE_MS;
      try {
        if (!copyUntil(shadow, document, until)) return void setImmediate(slice);
        const index = shadow.index;
        if (index && !index.stale() && !index.build(until)) return void setImmediate(slice);
        shadow.preparing = null;
      } catch {
        drop();
      }
      done();
    };
    setImmediate(slice);
  });
}

/** The whole diagram read through the file gate (parseYDoc), as a refusal or null. */
function checkWhole(doc: Y.Doc, bytes: number): Refusal | null {
  const result = parseYDoc(doc);
  if (result.ok) return null;
  const tooLarge = result.problems.some((p) => p.path === '(file)' && /MB/.test(p.message));
  return tooLarge
    ? { reason: CLOSE_REASONS.tooLarge, detail: { bytes } }
    : { reason: CLOSE_REASONS.invalidDocument, detail: { problems: result.problems.length } };
}

function checkIndexed(shadow: Shadow, index: DiagramIndex): Refusal | null {
  const verdict = index.verdict();
  if (verdict === 'ok') return null;
  if (verdict === 'too-large')
    return { reason: CLOSE_REASONS.tooLarge, detail: { bytes: shadow.bytes } };
  if (verdict === 'invalid') {
    return { reason: CLOSE_REASONS.invalidDocument, detail: { entries: index.failing() } };
  }
  return checkWhole(shadow.doc, shadow.bytes);
}

function createCheck(incremental: boolean) {
  const shadows: Shadows = new WeakMap();
  const check = (document: Y.Doc, update: Uint8Array, limits: Limits): Refusal | null => {
    const shadow = shadowOf(shadows, document, incremental);
    // No edit is tried on part of the room; an index still building in slices answers `full`,
    // so the edit is read whole on the copy meanwhile.
    try {
      copyUntil(shadow, document, Infinity);
    } catch (error) {
      // A failure of the server's own, not the edit's: the next check starts a fresh copy.
      dropShadow(shadows, document);
      throw error;
    }
    if (!shadow.preparing) shadow.index?.build(Infinity);
    let verdict: Refusal | null = null;
    try {
      Y.applyUpdate(shadow.doc, update);
      shadow.bytes += update.length;
      if (shadow.bytes > limits.maxStateBytes) {
        // Only near the limit is the exact size worth an encode.
        shadow.bytes = Y.encodeStateAsUpdate(shadow.doc).length;
        if (shadow.bytes > limits.maxStateBytes) {
          verdict = { reason: CLOSE_REASONS.tooLarge, detail: { bytes: shadow.bytes } };
        }
      }
      if (verdict === null) {
        verdict = shadow.index
          ? checkIndexed(shadow, shadow.index)
          : checkWhole(shadow.doc, shadow.bytes);
      }
    } catch {
      verdict = { reason: CLOSE_REASONS.badMessage, detail: { bytes: update.length } };
    }
    // An index that lost track is made again with the copy (it answers `full` meanwhile).
    if (verdict !== null || shadow.index?.stale()) dropShadow(shadows, document);
    return verdict;
  };
  /** Starts making the room's copy (and index) in slices; settles once `check` needs no build. */
  const prepare = async (document: Y.Doc): Promise<void> => {
    // A second wait is for the copy the edit before this one had refused, and so dropped.
    for (let round = 0; round < 2 && !document.isDestroyed; round++) {
      const shadow = shadowOf(shadows, document, incremental);
      if (!shadow.copy && !shadow.preparing) return;
      shadow.preparing ??= prepareInSlices(shadow, document, () => {
        if (shadows.get(document) === shadow) dropShadow(shadows, document);
      });
      await shadow.preparing;
    }
  };
  return { check, prepare };
}

const incrementalCheck = createCheck(true);

/**
 * The diagram after `update`, tried on the room's copy: null when it is still a valid diagram
 * within the limits, else the refusal. Only the entries the update touches, and those that
 * refer to them, are checked again (diagram-index.ts); the verdict is the whole file's.
 */
export const checkUpdate = incrementalCheck.check;

/**
 * Makes the room's copy and index for `checkUpdate` in slices that yield to the event loop, and
 * settles once they are ready (at once when they are). Awaiting it before `checkUpdate` keeps
 * the first edit of a large room from holding every other room on the server.
 */
export const prepareCheck = incrementalCheck.prepare;

/** The same verdict from the whole diagram read through the file gate on every edit. */
export const checkUpdateWhole = createCheck(false).check;
