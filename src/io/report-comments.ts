import { threadElement } from '../model/comments';
import { KIND_LABEL } from '../model/layers';
import type { Diagram } from '../model/schema';
import { escapeMarkdown } from './report';

/**
 * The Markdown report's Comments section: open threads first, each under what it is about,
 * every message as a quoted line. All comment text goes through the report's own
 * `escapeMarkdown`, so a comment can only ever be read, never rendered as Markdown or HTML.
 */
export function commentsSection(diagram: Diagram): string[] {
  const threads = diagram.comments ?? [];
  if (threads.length === 0) return [];
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const edges = new Map(diagram.edges.map((e) => [e.id, e]));
  const about = (thread: (typeof threads)[number]): string => {
    const element = threadElement(thread.target);
    let where = 'the whole diagram';
    if (element?.type === 'node') {
      const node = nodes.get(element.id);
      where = node ? `${KIND_LABEL[node.kind]} “${node.title || 'Untitled'}”` : element.id;
    } else if (element?.type === 'edge') {
      const edge = edges.get(element.id);
      const title = (id: string) => nodes.get(id)?.title || 'Untitled';
      where = edge ? `handoff ${title(edge.source)} → ${title(edge.target)}` : element.id;
    }
    return thread.target.type === 'finding' ? `Finding ${thread.target.ruleId} on ${where}` : where;
  };
  const open = threads.filter((t) => !t.resolved);
  const out = [
    `## Comments`,
    '',
    `${open.length} open, ${threads.length - open.length} resolved.`,
    '',
  ];
  for (const thread of [...open, ...threads.filter((t) => t.resolved)]) {
    out.push(`### ${escapeMarkdown(about(thread))}${thread.resolved ? ' (resolved)' : ''}`, '');
    for (const message of thread.messages) {
      const date = message.createdAt.slice(0, 10);
      out.push(
        `> **${escapeMarkdown(message.author)}**, ${date}${message.editedAt ? ' (edited)' : ''}: ${escapeMarkdown(message.text)}`,
        '>',
      );
    }
    out.pop();
    out.push('');
  }
  return out;
}
