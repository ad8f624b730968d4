import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { VersionSummary } from '../../persistence/versions';
import { useEditor, useEditorApi } from '../../store/react/editor-context';
import { useCanEdit, useRoom } from '../../store/react/use-room';
import { ComparePanel } from './ComparePanel';

const KIND_TEXT: Readonly<Record<VersionSummary['kind'], string>> = {
  named: 'Saved',
  reviewed: 'Reviewed',
  auto: 'Automatic',
};

/** Rows drawn at first and per "Show more": 500 versions open as fast as 50. */
const PAGE = 50;

// One formatter for every row: `toLocaleString` with options builds a new one per call (6 ms
// of script for a page of 50 versions, in a profile).
const WHEN = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function when(ms: number): string {
  return WHEN.format(ms);
}

/**
 * The History tab: save a version, mark the diagram as reviewed, and list the versions kept
 * beside it, each to restore (a new undoable change), compare with, or open as a copy. A
 * comparison in progress shows above the list.
 */
export function HistoryPanel() {
  const { store, session } = useEditorApi();
  const versions = useEditor((s) => s.versions);
  const status = useEditor((s) => s.versionsStatus);
  const lastReviewed = useEditor((s) => s.diagram.meta.lastReviewed);
  const comparing = useEditor((s) => s.comparison !== null);
  const editable = useCanEdit();
  const inRoom = useRoom((s) => s.room !== null);
  const [shown, setShown] = useState(PAGE);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  /** The version whose Delete was pressed once: a second press deletes it for good. */
  const [deleting, setDeleting] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const nameId = useId();
  const noteId = useId();

  useEffect(() => {
    void store.getState().refreshVersions();
  }, [store]);

  const report = (error: string | null, done: string) =>
    setMessage(error ? { kind: 'error', text: error } : { kind: 'ok', text: done });

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const label = name.trim();
    const error = await store.getState().saveVersion(label, note);
    if (!error) {
      setName('');
      setNote('');
    }
    report(error, `Saved version “${label || 'Untitled'}”.`);
  };

  const onCompareFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const error = await store.getState().compareWithFile(text, file.name);
    if (error) setMessage({ kind: 'error', text: error });
    else setMessage(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const openAsCopy = async (version: VersionSummary) => {
    const read = await store.getState().readVersion(version.id);
    if (!read.ok) return setMessage({ kind: 'error', text: read.message });
    const name = `${read.diagram.name} (${version.name})`;
    await session.createDiagram({ ...read.diagram, name });
  };

  return (
    <section role="region" aria-label="History" className="flex flex-col gap-3 p-3">
      {comparing && <ComparePanel />}
      <form className="flex flex-col gap-2" onSubmit={(e) => void onSave(e)}>
        <h2 className="text-sm font-semibold text-zinc-900">Save a version</h2>
        <label htmlFor={nameId} className="text-xs text-zinc-700">
          Version name
        </label>
        <input
          id={nameId}
          className="rounded border border-zinc-300 px-2 py-1 text-sm"
          value={name}
          maxLength={200}
          disabled={!editable}
          placeholder="e.g. Before the Q1 planning"
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={noteId} className="text-xs text-zinc-700">
          Note (optional)
        </label>
        <textarea
          id={noteId}
          className="rounded border border-zinc-300 px-2 py-1 text-sm"
          rows={2}
          maxLength={2000}
          disabled={!editable}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn" disabled={!editable}>
            Save version
          </button>
          <button
            type="button"
            className="btn"
            disabled={!editable}
            onClick={() =>
              void store
                .getState()
                .markReviewed()
                .then((error) =>
                  report(
                    error,
                    `Marked as reviewed on ${store.getState().diagram.meta.lastReviewed}.`,
                  ),
                )
            }
          >
            Mark as reviewed
          </button>
        </div>
        {!editable && (
          <p className="text-xs text-zinc-700">
            This view link reads the room’s versions; saving or restoring one needs the edit link.
          </p>
        )}
        <p className="text-xs text-zinc-600">
          {lastReviewed ? `Last reviewed ${lastReviewed}.` : 'Not reviewed yet.'} Automatic versions
          are saved at most hourly while you edit and kept 90 days; named ones are kept.
          {inRoom && ' In this room they are kept on the server, for everyone in it.'}
        </p>
      </form>
      <p
        role="status"
        className={message?.kind === 'error' ? 'text-sm text-red-800' : 'text-sm text-emerald-800'}
      >
        {message?.text}
      </p>
      <div className="flex items-center gap-2">
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
          Compare with a file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Diagram file to compare with"
          onChange={(e) => void onCompareFile(e.target.files?.[0])}
        />
      </div>
      <h2 className="text-sm font-semibold text-zinc-900">Versions</h2>
      {status === 'unavailable' && (
        <p className="text-sm text-amber-900">
          {inRoom
            ? 'The room’s versions cannot be read from the server right now.'
            : 'Version storage is not available in this browser.'}
        </p>
      )}
      {status === 'ready' && versions.length === 0 && (
        <p className="text-sm text-zinc-600">
          No versions yet. Save one, or mark the diagram as reviewed.
        </p>
      )}
      <ul aria-label="Versions" className="flex flex-col gap-2">
        {versions.slice(0, shown).map((v) => (
          <li key={v.id} className="rounded-md border border-zinc-200 p-2" aria-label={v.name}>
            <p className="text-sm font-medium break-words text-zinc-900">{v.name}</p>
            <p className="text-xs text-zinc-600">
              {KIND_TEXT[v.kind]} ·{' '}
              <time dateTime={new Date(v.createdAt).toISOString()}>{when(v.createdAt)}</time>
              {v.author ? ` · ${v.author}` : ''}
            </p>
            <p className="text-xs text-zinc-600">
              {v.cards} {v.cards === 1 ? 'card' : 'cards'} · {v.findings}{' '}
              {v.findings === 1 ? 'finding' : 'findings'}
            </p>
            {v.note && (
              <p className="mt-1 text-xs break-words whitespace-pre-wrap text-zinc-700">{v.note}</p>
            )}
            <div className="mt-1.5 flex flex-wrap gap-1.5">
              <button
                type="button"
                className="btn px-2 py-0.5 text-xs"
                disabled={!editable}
                aria-label={`Restore “${v.name}”`}
                onClick={() =>
                  void store
                    .getState()
                    .restoreVersion(v.id)
                    .then((error) =>
                      report(error, `Restored “${v.name}”. Undo brings back what was there.`),
                    )
                }
              >
                Restore
              </button>
              <button
                type="button"
                className="btn px-2 py-0.5 text-xs"
                aria-label={`Compare with “${v.name}”`}
                onClick={() =>
                  void store
                    .getState()
                    .compareWithVersion(v.id)
                    .then((error) =>
                      error ? setMessage({ kind: 'error', text: error }) : setMessage(null),
                    )
                }
              >
                Compare
              </button>
              <button
                type="button"
                className="btn px-2 py-0.5 text-xs"
                aria-label={`Open “${v.name}” as a copy`}
                onClick={() => void openAsCopy(v)}
              >
                Open as copy
              </button>
              {deleting === v.id ? (
                <>
                  <button
                    type="button"
                    className="btn px-2 py-0.5 text-xs text-red-800"
                    aria-label={`Delete “${v.name}” for good`}
                    onClick={() => {
                      setDeleting(null);
                      void store
                        .getState()
                        .deleteVersion(v.id)
                        .then((error) => report(error, `Deleted “${v.name}”.`));
                    }}
                  >
                    Delete for good
                  </button>
                  <button
                    type="button"
                    className="btn px-2 py-0.5 text-xs"
                    onClick={() => setDeleting(null)}
                  >
                    Keep
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="btn px-2 py-0.5 text-xs"
                  disabled={!editable}
                  aria-label={`Delete “${v.name}”`}
                  onClick={() => setDeleting(v.id)}
                >
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {versions.length > shown && (
        <button type="button" className="btn self-start" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, versions.length - shown)} more ({versions.length - shown} older)
        </button>
      )}
    </section>
  );
}
