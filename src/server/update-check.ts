import * as Y from 'yjs';
import { parseYDoc } from '../collab/from-ydoc';
import { CLOSE_REASONS, type CloseReason } from '../collab/protocol';
import { createDiagramIndex, type DiagramIndex } from './diagram-index';
import type { Limits } from './limits';

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
 */
interface Shadow {
  readonly doc: Y.Doc;
  /** An upper bound of the copy's encoded size: its size when made plus every update since. */
  bytes: number;
  readonly follow: (update: Uint8Array) => void;
  /** The gate's verdict kept per entry; absent for the whole-diagram check. */
  readonly index: DiagramIndex | null;
}

type Shadows = WeakMap<Y.Doc, Shadow>;

function shadowOf(shadows: Shadows, document: Y.Doc, incremental: boolean): Shadow {
  const existing = shadows.get(document);
  if (existing) return existing;
  const doc = new Y.Doc({ gc: true });
  const state = Y.encodeStateAsUpdate(document);
  Y.applyUpdate(doc, state);
  // Built once per copy: trusted when the room passes the gate as a whole, as rooms always do.
  const index = incremental ? createDiagramIndex(doc, parseYDoc(doc).ok) : null;
  const shadow: Shadow = {
    doc,
    bytes: state.length,
    index,
    follow: (update) => {
      Y.applyUpdate(doc, update);
      shadow.bytes += update.length;
    },
  };
  document.on('update', shadow.follow);
  document.once('destroy', () => dropShadow(shadows, document));
  shadows.set(document, shadow);
  return shadow;
}

function dropShadow(shadows: Shadows, document: Y.Doc): void {
  const shadow = shadows.get(document);
  if (!shadow) return;
  document.off('update', shadow.follow);
  shadow.index?.destroy();
  shadow.doc.destroy();
  shadows.delete(document);
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
  return (document: Y.Doc, update: Uint8Array, limits: Limits): Refusal | null => {
    const shadow = shadowOf(shadows, document, incremental);
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
}

/**
 * The diagram after `update`, tried on the room's copy: null when it is still a valid diagram
 * within the limits, else the refusal. Only the entries the update touches, and those that
 * refer to them, are checked again (diagram-index.ts); the verdict is the whole file's.
 */
export const checkUpdate = createCheck(true);

/** The same verdict from the whole diagram read through the file gate on every edit. */
export const checkUpdateWhole = createCheck(false);
