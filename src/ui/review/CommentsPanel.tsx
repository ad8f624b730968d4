import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { checkCommentText, threadElement } from '../../model/comments';
import { KIND_LABEL } from '../../model/layers';
import { LIMITS, type CommentTarget, type CommentThread, type Diagram } from '../../model/schema';
import { useEditor } from '../../store/react/editor-context';
import { useAudit } from '../../store/react/use-audit';
import { useCanEdit } from '../../store/react/use-room';

function targetKey(target: CommentTarget): string {
  return JSON.stringify(target);
}

/** "Stage “MQL”", "Handoff Lead → MQL", "Finding stage-missing-owner on Stage “MQL”". */
function describeTarget(target: CommentTarget, diagram: Diagram): string {
  const nodeName = (id: string) => {
    const node = diagram.nodes.find((n) => n.id === id);
    return node ? `${KIND_LABEL[node.kind]} “${node.title || 'Untitled'}”` : `card ${id}`;
  };
  const edgeName = (id: string) => {
    const edge = diagram.edges.find((e) => e.id === id);
    if (!edge) return `edge ${id}`;
    const title = (nodeId: string) =>
      diagram.nodes.find((n) => n.id === nodeId)?.title || 'Untitled';
    return `Handoff ${title(edge.source)} → ${title(edge.target)}`;
  };
  if (target.type === 'node') return nodeName(target.id);
  if (target.type === 'edge') return edgeName(target.id);
  const on =
    target.element.type === 'diagram'
      ? 'the whole diagram'
      : target.element.type === 'node'
        ? nodeName(target.element.id)
        : edgeName(target.element.id);
  return `Finding ${target.ruleId} on ${on}`;
}

/**
 * The Comments tab: every thread with its replies, an "Open only" filter, and a form to start
 * a thread on the selected card or edge, or on one of its findings. All text shows as plain
 * text (React escapes it); nothing in a comment is ever read as Markdown or HTML.
 */
export function CommentsPanel() {
  // A view link reads threads only: the server refuses a viewer's writes, so a box offered to
  // them would swallow their text without a word.
  const editable = useCanEdit();
  const diagram = useEditor((s) => s.diagram);
  const selection = useEditor((s) => s.selection);
  const authorName = useEditor((s) => s.authorName);
  const setAuthorName = useEditor((s) => s.setAuthorName);
  const audit = useAudit();
  const [openOnly, setOpenOnly] = useState(false);
  const threads = diagram.comments ?? [];
  const shown = openOnly ? threads.filter((t) => !t.resolved) : threads;
  const openCount = threads.filter((t) => !t.resolved).length;

  return (
    <section role="region" aria-label="Comments" className="flex flex-col gap-3 p-3">
      {!editable ? (
        <p className="rounded-md bg-zinc-100 px-2 py-1 text-xs text-zinc-700">
          You opened this room with a view link: you can read the threads, but writing, replying to
          or resolving a comment needs the edit link.
        </p>
      ) : authorName === null ? (
        <AuthorPrompt onSave={setAuthorName} />
      ) : (
        <p className="text-xs text-zinc-600">
          Commenting as <span className="font-medium text-zinc-900">{authorName}</span>.
        </p>
      )}
      {editable && authorName !== null && (
        <NewThread diagram={diagram} selection={selection} findings={audit.findings} />
      )}
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-zinc-900">
          Threads ({openCount} open of {threads.length})
        </h2>
        <label className="flex items-center gap-1.5 text-sm text-zinc-800">
          <input
            type="checkbox"
            checked={openOnly}
            onChange={(e) => setOpenOnly(e.target.checked)}
          />
          Open only
        </label>
      </div>
      {shown.length === 0 && (
        <p className="text-sm text-zinc-600">
          {threads.length > 0
            ? 'No open threads.'
            : editable
              ? 'No comments yet. Select a card or edge to start a thread.'
              : 'No comments yet.'}
        </p>
      )}
      <ul aria-label="Comment threads" className="flex flex-col gap-2">
        {shown.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            about={describeTarget(thread.target, diagram)}
            me={editable ? authorName : null}
            editable={editable}
          />
        ))}
      </ul>
    </section>
  );
}

function AuthorPrompt({ onSave }: { onSave: (name: string) => void }) {
  const [name, setName] = useState('');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // A thread asked for from elsewhere (a finding's Comment button) needs the name first; the
  // request stays pending, so the comment box takes focus once the name is saved.
  const asked = useEditor((s) => s.commentFocus?.kind === 'draft');
  useEffect(() => {
    if (asked) inputRef.current?.focus();
  }, [asked]);
  return (
    <form
      className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name);
      }}
    >
      <label htmlFor={id} className="text-sm text-zinc-800">
        Your name, shown with your comments
      </label>
      <div className="flex gap-1.5">
        <input
          ref={inputRef}
          id={id}
          className="min-w-0 flex-1 rounded border border-zinc-300 px-2 py-1 text-sm"
          value={name}
          maxLength={LIMITS.author}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn" disabled={name.trim() === ''}>
          Save name
        </button>
      </div>
    </form>
  );
}

function NewThread({
  diagram,
  selection,
  findings,
}: {
  diagram: Diagram;
  selection: { readonly nodes: readonly string[]; readonly edges: readonly string[] };
  findings: ReturnType<typeof useAudit>['findings'];
}) {
  const addComment = useEditor((s) => s.addComment);
  const draft = useEditor((s) => s.commentDraft);
  const focus = useEditor((s) => s.commentFocus);
  const clearFocus = useEditor((s) => s.clearCommentFocus);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // The draft is first among the targets, so it is the one chosen: the panel mounts afresh
    // whenever its tab opens.
    if (focus?.kind !== 'draft') return;
    textRef.current?.focus();
    clearFocus();
  }, [focus, clearFocus]);
  const [error, setError] = useState<string | null>(null);
  const aboutId = useId();
  const textId = useId();

  const targets = useMemo(() => {
    const list: CommentTarget[] = [];
    if (draft) list.push(draft);
    const element: { type: 'node' | 'edge'; id: string } | null =
      selection.nodes.length === 1 && selection.nodes[0]
        ? { type: 'node', id: selection.nodes[0] }
        : selection.edges.length === 1 && selection.edges[0]
          ? { type: 'edge', id: selection.edges[0] }
          : null;
    if (element) {
      list.push(element);
      for (const f of findings) {
        if (f.target.type === element.type && f.target.id === element.id) {
          list.push({ type: 'finding', ruleId: f.ruleId, element });
        }
      }
    } else {
      // With nothing selected, the findings about the whole diagram can take a thread.
      for (const f of findings) {
        if (f.target.type === 'diagram') {
          list.push({ type: 'finding', ruleId: f.ruleId, element: { type: 'diagram' } });
        }
      }
    }
    const seen = new Set<string>();
    return list.filter((t) => !seen.has(targetKey(t)) && seen.add(targetKey(t)));
  }, [draft, selection, findings]);

  if (targets.length === 0) {
    return (
      <p className="text-sm text-zinc-600">
        Select one card or edge to comment on it or its findings.
      </p>
    );
  }
  const chosen = targets.find((t) => targetKey(t) === choice) ?? (targets[0] as CommentTarget);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkCommentText(text);
    if (!check.ok) return setError(check.reason);
    addComment(chosen, text);
    setText('');
    setError(null);
  };

  return (
    <form
      className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-2"
      onSubmit={onSubmit}
    >
      <h2 className="text-sm font-semibold text-zinc-900">New thread</h2>
      <label htmlFor={aboutId} className="text-xs text-zinc-700">
        About
      </label>
      <select
        id={aboutId}
        className="rounded border border-zinc-300 px-1 py-1 text-sm"
        value={targetKey(chosen)}
        onChange={(e) => setChoice(e.target.value)}
      >
        {targets.map((t) => (
          <option key={targetKey(t)} value={targetKey(t)}>
            {describeTarget(t, diagram)}
          </option>
        ))}
      </select>
      <label htmlFor={textId} className="text-xs text-zinc-700">
        Comment
      </label>
      <textarea
        ref={textRef}
        id={textId}
        rows={3}
        className="rounded border border-zinc-300 px-2 py-1 text-sm"
        value={text}
        maxLength={LIMITS.comment}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      <button type="submit" className="btn self-start">
        Comment
      </button>
    </form>
  );
}

function ThreadView({
  thread,
  about,
  me,
  editable,
}: {
  thread: CommentThread;
  about: string;
  /** Who may edit their own messages and reply here: null when no one in this tab may. */
  me: string | null;
  editable: boolean;
}) {
  const reply = useEditor((s) => s.replyToComment);
  const edit = useEditor((s) => s.editComment);
  const resolve = useEditor((s) => s.resolveComment);
  const select = useEditor((s) => s.select);
  const [replyText, setReplyText] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const replyId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const focused = useEditor(
    (s) => s.commentFocus?.kind === 'thread' && s.commentFocus.threadId === thread.id,
  );
  const clearFocus = useEditor((s) => s.clearCommentFocus);
  useEffect(() => {
    if (!focused) return;
    itemRef.current?.scrollIntoView({ block: 'nearest' });
    itemRef.current?.focus();
    clearFocus();
  }, [focused, clearFocus]);
  const element = threadElement(thread.target);
  const first = thread.messages[0];
  const name = `Thread on ${about}${first ? `: ${first.text.slice(0, 60)}` : ''}`;

  const submit = (text: string, done: () => void) => {
    const check = checkCommentText(text);
    if (!check.ok) return setError(check.reason);
    setError(null);
    done();
  };

  return (
    <li
      ref={itemRef}
      aria-label={name}
      // Focusable from code only, so "go to the thread" lands on it and a reader says its name.
      tabIndex={-1}
      className={`rounded-md border p-2 focus:outline-2 focus:outline-indigo-600 ${thread.resolved ? 'border-zinc-200 bg-zinc-50' : 'border-indigo-200'}`}
    >
      <div className="flex items-start justify-between gap-2">
        {element ? (
          <button
            type="button"
            className="text-left text-xs font-medium text-indigo-900 hover:underline"
            onClick={() =>
              select(
                element.type === 'node'
                  ? { nodes: [element.id], edges: [] }
                  : { nodes: [], edges: [element.id] },
              )
            }
          >
            {about}
          </button>
        ) : (
          <span className="text-xs font-medium text-indigo-900">{about}</span>
        )}
        <span className="shrink-0 text-xs text-zinc-600">
          {thread.resolved ? 'Resolved' : 'Open'}
        </span>
      </div>
      <ol className="mt-1 flex flex-col gap-1.5">
        {thread.messages.map((m) => (
          <li key={m.id} className="text-sm">
            <p className="text-xs text-zinc-600">
              <span className="font-medium text-zinc-800">{m.author}</span> ·{' '}
              <time dateTime={m.createdAt}>
                {new Date(m.createdAt).toLocaleString('en', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </time>
              {m.editedAt ? ' · edited' : ''}
            </p>
            {editing?.id === m.id ? (
              <form
                className="flex flex-col gap-1"
                onSubmit={(e) => {
                  e.preventDefault();
                  submit(editing.text, () => {
                    edit(thread.id, m.id, editing.text);
                    setEditing(null);
                  });
                }}
              >
                <textarea
                  aria-label="Edit comment"
                  rows={2}
                  maxLength={LIMITS.comment}
                  className="rounded border border-zinc-300 px-2 py-1 text-sm"
                  value={editing.text}
                  onChange={(e) => setEditing({ id: m.id, text: e.target.value })}
                />
                <div className="flex gap-1.5">
                  <button type="submit" className="btn px-2 py-0.5 text-xs">
                    Save edit
                  </button>
                  <button
                    type="button"
                    className="btn px-2 py-0.5 text-xs"
                    onClick={() => setEditing(null)}
                  >
                    Cancel
                  </button>
                </div>
              </form>
            ) : (
              <p className="break-words whitespace-pre-wrap text-zinc-900">{m.text}</p>
            )}
            {me !== null && m.author === me && editing?.id !== m.id && (
              <button
                type="button"
                className="text-xs text-blue-700 hover:underline"
                aria-label={`Edit your comment “${m.text.slice(0, 40)}”`}
                onClick={() => setEditing({ id: m.id, text: m.text })}
              >
                Edit
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="text-xs text-red-800">
          {error}
        </p>
      )}
      {me !== null && !thread.resolved && (
        <form
          className="mt-1.5 flex flex-col gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            submit(replyText, () => {
              reply(thread.id, replyText);
              setReplyText('');
            });
          }}
        >
          <label htmlFor={replyId} className="sr-only">
            Reply
          </label>
          <textarea
            id={replyId}
            rows={1}
            maxLength={LIMITS.comment}
            placeholder="Reply…"
            className="rounded border border-zinc-300 px-2 py-1 text-sm"
            value={replyText}
            onChange={(e) => setReplyText(e.target.value)}
          />
          <button type="submit" className="btn self-start px-2 py-0.5 text-xs">
            Reply
          </button>
        </form>
      )}
      {editable && (
        <button
          type="button"
          className="btn mt-1.5 px-2 py-0.5 text-xs"
          onClick={() => resolve(thread.id, !thread.resolved)}
        >
          {thread.resolved ? 'Reopen' : 'Resolve'}
        </button>
      )}
    </li>
  );
}
