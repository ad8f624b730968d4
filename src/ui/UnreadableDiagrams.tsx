import { useId } from 'react';
import { downloadText } from '../store/transfer/download';
import { useEditorApi, useUnreadableDiagrams } from '../store/react/editor-context';
import { fileNameFor } from '../io/serialize';

/**
 * Saved copies that failed to read, listed apart from the diagrams that open: they cannot be
 * opened, but their bytes are kept and can be downloaded, to repair by hand and import again.
 */
export function UnreadableDiagrams() {
  const { store, session } = useEditorApi();
  const unreadable = useUnreadableDiagrams();
  const headingId = useId();
  if (unreadable.length === 0) return null;

  const download = async (key: string, name: string) => {
    const text = await session.readUnreadable(key);
    if (text === null) {
      store.getState().setNotice({
        kind: 'error',
        text: `The saved copy of “${name}” is no longer in this browser.`,
      });
      return;
    }
    downloadText(text, fileNameFor({ name: `${name} unreadable` }, 'json'), 'application/json');
  };

  return (
    <section aria-labelledby={headingId} className="mt-4 border-t border-zinc-200 pt-3">
      <h3 id={headingId} className="font-semibold text-zinc-900">
        Could not be read
      </h3>
      <p className="mt-1 text-zinc-600">
        These saved copies were damaged, so they were set aside instead of opened. Nothing was
        deleted: download one to keep it or to repair it by hand, then import it.
      </p>
      <ul
        className="mt-1 flex flex-col divide-y divide-zinc-100"
        aria-label="Diagrams that could not be read"
      >
        {unreadable.map((item) => {
          const name = item.name || 'Untitled';
          return (
            <li key={item.key} className="flex items-center gap-2 py-2" aria-label={name}>
              <div className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium">{name}</span>
                <span className="text-xs text-zinc-500">
                  Set aside {new Date(item.setAsideAt).toLocaleString()}
                </span>
              </div>
              <button
                type="button"
                className="btn"
                aria-label={`Download the saved copy of ${name}`}
                onClick={() => void download(item.key, name)}
              >
                Download
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
