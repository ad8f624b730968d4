import { dropOrphanThreads } from '../../model/edits/comment-edits';
import type { CommentThread, Diagram } from '../../model/schema';

/**
 * The document after restoring `version` over `current`: the version's cards, edges, settings
 * and name, as one new change (undo brings the current diagram back). Comment threads are a
 * conversation, not part of the system a version describes: the current threads stay (with
 * the version's own added where the current diagram no longer has them), and threads about a
 * card the version does not have are dropped with it, as a delete would.
 */
export function restoreVersion(current: Diagram, version: Diagram): Diagram {
  const { $schema: _schema, ...restored } = version;
  const threads = new Map<string, CommentThread>();
  for (const thread of version.comments ?? []) threads.set(thread.id, thread);
  for (const thread of current.comments ?? []) threads.set(thread.id, thread);
  const next: Diagram = { ...restored };
  if (threads.size > 0) next.comments = [...threads.values()];
  else delete next.comments;
  return dropOrphanThreads(next);
}
