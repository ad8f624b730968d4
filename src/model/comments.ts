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

/** What a finding is about, as the rules report it (a field inside the element is ignored). */
export type FindingElement =
  { readonly type: 'diagram' } | { readonly type: 'node' | 'edge'; readonly id: string };

/** The thread target for a finding: its rule on its element, never the field within it. */
export function findingCommentTarget(ruleId: string, element: FindingElement): CommentTarget {
  return {
    type: 'finding',
    ruleId,
    element:
      element.type === 'diagram' ? { type: 'diagram' } : { type: element.type, id: element.id },
  };
}

/** One key per finding thread target, the same for a finding and for the threads about it. */
export function findingThreadKey(ruleId: string, element: FindingElement): string {
  return element.type === 'diagram'
    ? `${ruleId}|diagram`
    : `${ruleId}|${element.type}:${element.id}`;
}

/**
 * The open threads about each finding, by `findingThreadKey`, oldest first: the Problems panel
 * shows their count on the finding's row and goes to the first.
 */
export function openFindingThreads(
  comments: Diagram['comments'],
): ReadonlyMap<string, readonly string[]> {
  const threads = new Map<string, string[]>();
  for (const thread of comments ?? []) {
    if (thread.resolved || thread.target.type !== 'finding') continue;
    const key = findingThreadKey(thread.target.ruleId, thread.target.element);
    const list = threads.get(key);
    if (list) list.push(thread.id);
    else threads.set(key, [thread.id]);
  }
  return threads;
}

/** Whether two targets name the same thing (targets are small strict objects: compare by key). */
export function sameCommentTarget(a: CommentTarget, b: CommentTarget): boolean {
  const key = (t: CommentTarget) =>
    t.type === 'finding' ? `finding|${findingThreadKey(t.ruleId, t.element)}` : `${t.type}:${t.id}`;
  return key(a) === key(b);
}
