import { authorName, checkCommentText, threadElement } from '../comments';
import { createId } from '../factories';
import {
  LIMITS,
  type CommentMessage,
  type CommentTarget,
  type CommentThread,
  type Diagram,
} from '../schema';

/**
 * Comment threads as pure edits of the diagram: each returns a new diagram (one undo step in
 * the store) or the same one when there is nothing to do. Threads live in the document, so they
 * save, export and travel to a shared room with it.
 */

export interface CommentInput {
  readonly author: string;
  readonly text: string;
  /** ISO date and time, from the caller's clock (the edits stay pure). */
  readonly at: string;
}

function message(input: CommentInput, text: string): CommentMessage {
  return { id: createId('m'), author: authorName(input.author), text, createdAt: input.at };
}

function mapThread(
  diagram: Diagram,
  threadId: string,
  fn: (thread: CommentThread) => CommentThread,
): Diagram {
  const threads = diagram.comments ?? [];
  let changed = false;
  const next = threads.map((thread) => {
    if (thread.id !== threadId) return thread;
    const updated = fn(thread);
    if (updated !== thread) changed = true;
    return updated;
  });
  return changed ? { ...diagram, comments: next } : diagram;
}

/** Starts a thread; returns the diagram unchanged when the text is refused or the list is full. */
export function addThread(
  diagram: Diagram,
  target: CommentTarget,
  input: CommentInput,
  threadId: string = createId('t'),
): Diagram {
  const check = checkCommentText(input.text);
  const threads = diagram.comments ?? [];
  if (!check.ok || threads.length >= LIMITS.threads) return diagram;
  const thread: CommentThread = { id: threadId, target, messages: [message(input, check.text)] };
  return { ...diagram, comments: [...threads, thread] };
}

export function replyToThread(diagram: Diagram, threadId: string, input: CommentInput): Diagram {
  const check = checkCommentText(input.text);
  if (!check.ok) return diagram;
  return mapThread(diagram, threadId, (thread) =>
    thread.messages.length >= LIMITS.messages
      ? thread
      : { ...thread, messages: [...thread.messages, message(input, check.text)] },
  );
}

/** Edits a message, only when `author` wrote it: you edit your own words, nobody else's. */
export function editMessage(
  diagram: Diagram,
  threadId: string,
  messageId: string,
  input: CommentInput,
): Diagram {
  const check = checkCommentText(input.text);
  if (!check.ok) return diagram;
  const author = authorName(input.author);
  return mapThread(diagram, threadId, (thread) => {
    let changed = false;
    const messages = thread.messages.map((m) => {
      if (m.id !== messageId || m.author !== author || m.text === check.text) return m;
      changed = true;
      return { ...m, text: check.text, editedAt: input.at };
    });
    return changed ? { ...thread, messages } : thread;
  });
}

export function setThreadResolved(diagram: Diagram, threadId: string, resolved: boolean): Diagram {
  return mapThread(diagram, threadId, (thread) => {
    if ((thread.resolved ?? false) === resolved) return thread;
    if (resolved) return { ...thread, resolved: true };
    const { resolved: _dropped, ...open } = thread;
    return open;
  });
}

/**
 * Drops the threads whose card or edge is gone. Deleting an element deletes its threads in the
 * same edit (so one undo brings both back), and the file gate refuses a thread on an element
 * that does not exist: a comment never points at nothing.
 */
export function dropOrphanThreads(diagram: Diagram): Diagram {
  const threads = diagram.comments;
  if (!threads || threads.length === 0) return diagram;
  const nodes = new Set(diagram.nodes.map((n) => n.id));
  const edges = new Set(diagram.edges.map((e) => e.id));
  const kept = threads.filter((thread) => {
    const element = threadElement(thread.target);
    return element === null || (element.type === 'node' ? nodes : edges).has(element.id);
  });
  return kept.length === threads.length ? diagram : { ...diagram, comments: kept };
}
