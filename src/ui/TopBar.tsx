import { useEditor, useEditorApi } from '../store/react/editor-context';
import { CommandButton } from './CommandButton';
import { SaveStatus } from './SaveStatus';
import { TemplatesMenu } from './TemplatesMenu';
import { ExportMenu } from './transfer/ExportMenu';
import { DealsImportButton } from './deals/DealsImportButton';
import { ImportButton } from './transfer/ImportButton';
import { PresenceAvatars } from './share/PresenceAvatars';
import { ShareMenu } from './share/ShareMenu';
import { AutoLayoutIcon, RedoIcon, UndoIcon } from './top-bar-icons';

export function TopBar() {
  const { store } = useEditorApi();
  const name = useEditor((s) => s.diagram.name);
  const renameDiagram = useEditor((s) => s.renameDiagram);
  const openDialog = useEditor((s) => s.openDialog);
  return (
    <header className="flex h-12 shrink-0 items-center gap-1.5 border-b border-zinc-200 bg-white px-3 xl:gap-2">
      <h1 className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-zinc-900">
        <img src="/favicon.svg" alt="" width="24" height="24" />
        {/* Below 1440 px the logo alone: the diagram's name and the controls need the room more.
            The page still has its heading for screen readers. */}
        <span className="sr-only min-[1440px]:not-sr-only">GTM Blueprint</span>
      </h1>
      <input
        aria-label="Diagram name"
        value={name}
        onChange={(e) => renameDiagram(e.currentTarget.value)}
        onFocus={() => store.getState().beginTransaction('typing')}
        onBlur={() => store.getState().endTransaction()}
        // The one part of the bar that gives way to a crowded room, down to a readable 120 px
        // (144 px from 1280 px wide).
        className="w-40 min-w-30 rounded-md border border-transparent px-2 py-1 text-sm font-medium hover:border-zinc-200 focus:border-zinc-400 xl:w-60 xl:min-w-36"
      />
      <button type="button" className="btn" onClick={() => openDialog('diagrams')}>
        Diagrams
      </button>
      <TemplatesMenu />
      <div className="mx-1 h-6 w-px bg-zinc-200" aria-hidden="true" />
      <div className="flex items-center gap-1" role="group" aria-label="History">
        <CommandButton id="undo" narrow={{ icon: <UndoIcon />, below: '2xl' }} />
        <CommandButton id="redo" narrow={{ icon: <RedoIcon />, below: '2xl' }} />
      </div>
      <CommandButton id="auto-layout" narrow={{ icon: <AutoLayoutIcon />, below: 'xl' }} />
      {/* Kept whole: were it to shrink, the text in it would wrap or spill past the window. */}
      <div className="ml-auto flex shrink-0 items-center gap-1.5 xl:gap-2">
        <PresenceAvatars />
        <SaveStatus />
        <ImportButton />
        <DealsImportButton />
        <ExportMenu />
        <ShareMenu />
        <button
          type="button"
          className="btn"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => openDialog('shortcuts')}
        >
          ?
        </button>
      </div>
    </header>
  );
}
