import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import { App } from './app/App';
import { listenForShareLinks } from './store/transfer/open-share-link';
import { DiagramLibrary } from './persistence/library';
import { lazyVersionStore } from './persistence/lazy-version-store';
import { createEditorStore } from './store/editor-store';
import { trackVersions } from './store/review/auto-versions';
import { createVersionRouter } from './store/review/version-router';
import { DiagramSession } from './store/session';
import { requestPersistentStorage } from './store/react/use-storage-persistence';
import { RoomsContext } from './store/react/use-room';
import { canEdit } from './store/shared/can-edit';
import { roomState } from './store/shared/room-state';
import { createRooms } from './store/shared/rooms';

const store = createEditorStore();
const session = new DiagramSession(store, new DiagramLibrary());
// The app renders at once; the saved diagram replaces the blank one when storage answers.
// A share link (#d=…) opens once that is done, as a new diagram.
const started = session.start();
listenForShareLinks({ store, session }, started);
// A room link (#room=…&token=…) opens the room once the local start-up is done.
const rooms = createRooms({
  store,
  suspendLibrary: () => session.suspendAutosave(),
  resumeLibrary: () => session.resumeAutosave(),
});
// Versions live beside the diagram (History, Compare, metric drift): in a database of their own
// in this browser, and in the server's database for a shared room.
trackVersions(
  store,
  createVersionRouter(
    lazyVersionStore(() =>
      import('./persistence/versions').then((m) => new m.IndexedDbVersionStore()),
    ),
    (id) => rooms.versionsFor(id),
  ),
  Date.now,
  () => canEdit(roomState.getState()),
);
void started.then(() => rooms.openFromLocation());
addEventListener('hashchange', () => void rooms.openFromLocation());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void requestPersistentStorage();
// The debounce would otherwise lose the last edit when the tab is closed or sent away; a
// transaction started here usually completes, and a hard kill is covered by the short debounce.
addEventListener('pagehide', () => void session.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void session.flush();
});

createRoot(root).render(
  <StrictMode>
    <RoomsContext value={rooms}>
      <App editor={{ store, session }} />
    </RoomsContext>
  </StrictMode>,
);
