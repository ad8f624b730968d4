import * as Y from 'yjs';
import { parseYDoc } from '../collab/from-ydoc';
import { CLOSE_REASONS, type CloseReason } from '../collab/protocol';
import type { Limits } from './limits';

export interface Refusal {
  readonly reason: CloseReason;
  /** Sizes and counts for the log line; never content. */
  readonly detail: Record<string, number | string>;
}

/**
 * A copy of each open room that edits are tried on before the room takes them. It follows the
 * room through the room's own update events (re-applying what it already holds is a no-op in
 * Yjs), so trying an edit costs the edit plus one read of the diagram, not a copy of the room.
 * A refused edit leaves the copy holding it: the copy is dropped and made again when needed.
 */
interface Shadow {
  readonly doc: Y.Doc;
  /** An upper bound of the copy's encoded size: its size when made plus every update since. */
  bytes: number;
  readonly follow: (update: Uint8Array) => void;
}

const shadows = new WeakMap<Y.Doc, Shadow>();

function shadowOf(document: Y.Doc): Shadow {
  const existing = shadows.get(document);
  if (existing) return existing;
  const doc = new Y.Doc({ gc: true });
  const state = Y.encodeStateAsUpdate(document);
  Y.applyUpdate(doc, state);
  const shadow: Shadow = {
    doc,
    bytes: state.length,
    follow: (update) => {
      Y.applyUpdate(doc, update);
      shadow.bytes += update.length;
    },
  };
  document.on('update', shadow.follow);
  document.once('destroy', () => dropShadow(document));
  shadows.set(document, shadow);
  return shadow;
}

function dropShadow(document: Y.Doc): void {
  const shadow = shadows.get(document);
  if (!shadow) return;
  document.off('update', shadow.follow);
  shadow.doc.destroy();
  shadows.delete(document);
}

/**
 * The diagram after `update`, tried on the room's copy: null when it is still a valid diagram
 * within the limits, else the refusal.
 */
export function checkUpdate(document: Y.Doc, update: Uint8Array, limits: Limits): Refusal | null {
  const shadow = shadowOf(document);
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
      const result = parseYDoc(shadow.doc);
      if (!result.ok) {
        const tooLarge = result.problems.some((p) => p.path === '(file)' && /MB/.test(p.message));
        verdict = tooLarge
          ? { reason: CLOSE_REASONS.tooLarge, detail: { bytes: shadow.bytes } }
          : { reason: CLOSE_REASONS.invalidDocument, detail: { problems: result.problems.length } };
      }
    }
  } catch {
    verdict = { reason: CLOSE_REASONS.badMessage, detail: { bytes: update.length } };
  }
  if (verdict !== null) dropShadow(document);
  return verdict;
}
