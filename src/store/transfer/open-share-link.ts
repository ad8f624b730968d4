import { sharePayloadOf } from '../../io/share-fragment';
import type { Editor } from '../react/editor-context';

/**
 * Opens the diagram a `#d=…` link carries, as a new diagram, through the same gate as a file.
 * The fragment is cleared first, so a reload never imports the link a second time, whether or
 * not it opened.
 */
export async function openShareLink(editor: Editor, win: Window = window): Promise<boolean> {
  // The decoder (lz-string and all) loads only for an address that carries a diagram.
  if (sharePayloadOf(win.location.hash) === null) return false;
  const [{ decodeShareFragment }, { openImported }] = await Promise.all([
    import('../../io/share-link'),
    import('./import-diagram'),
  ]);
  const result = decodeShareFragment(win.location.hash);
  if (result === null) return false;
  win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
  return openImported(editor, result, {
    title: "This link can't be opened",
    source: 'The shared link',
    from: 'from a shared link',
    copyLabel: 'from link',
  });
}

/**
 * Opens a share link at start-up, once the session has restored the library (else the restore
 * would replace the shared diagram), and again whenever one is pasted into this tab's address.
 */
export function listenForShareLinks(
  editor: Editor,
  ready: Promise<unknown>,
  win: Window = window,
): () => void {
  const settled = ready.catch(() => undefined);
  const open = () => void settled.then(() => openShareLink(editor, win));
  open();
  win.addEventListener('hashchange', open);
  return () => win.removeEventListener('hashchange', open);
}
