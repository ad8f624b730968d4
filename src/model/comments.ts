import { toDisplayText } from './display-text';
import { LIMITS, type CommentTarget, type Diagram } from './schema';

/** Reading comment threads: what a comment may hold, what a thread is about, open counts. */

export type CommentCheck = { ok: true; text: string } | { ok: false; reason: string };

/**
 * What a comment may hold: plain text, trimmed, at most `LIMITS.comment` characters, with the
 * characters that only hide or reorder text dropped (the same sanitiser as titles).
 */
export function checkCommentText(text: string): CommentCheck {
  const clean = toDisplayText(text).trim();
  if (clean === '') return { ok: false, reason: 'Write something first.' };
  if (clean.length > LIMITS.comment) {
    return {
      ok: false,
      reason: `A comment holds at most ${LIMITS.comment.toLocaleString('en')} characters (this one has ${clean.length.toLocaleString('en')}).`,
    };
  }
  return { ok: true, text: clean };
}

/** The name shown with a comment, held to the schema's limit; "Anonymous" when blank. */
export function authorName(name: string): string {
  const clean = toDisplayText(name).replace(/\s+/g, ' ').trim().slice(0, LIMITS.author);
  return clean === '' ? 'Anonymous' : clean;
}

/** The node or edge a thread is about (a finding's thread follows its element), or null. */
export function threadElement(
  target: CommentTarget,
): { readonly type: 'node' | 'edge'; readonly id: string } | null {
  if (target.type === 'finding') {
    return target.element.type === 'diagram' ? null : target.element;
  }
  return target;
}

/** Open threads per card or edge id, for the markers on the canvas. */
export function openThreadCounts(diagram: Diagram): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const thread of diagram.comments ?? []) {
    if (thread.resolved) continue;
    const element = threadElement(thread.target);
    if (element) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
  }
  return counts;
}
