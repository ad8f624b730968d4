import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { NoticeBanner } from '../ui/NoticeBanner';
import { Palette } from '../ui/Palette';
import { SidePanel } from '../ui/SidePanel';
import { TopBar } from '../ui/TopBar';
import { Dialogs } from './Dialogs';
import { EditorContext, type Editor } from './editor-context';
import { KeyboardShortcuts } from './KeyboardShortcuts';

export function App({ editor }: { editor: Editor }) {
  return (
    <EditorContext value={editor}>
      <ReactFlowProvider>
        <div className="flex h-full flex-col">
          <TopBar />
          <NoticeBanner />
          <main className="flex min-h-0 flex-1">
            <Palette />
            <div className="min-w-0 flex-1">
              <Canvas />
            </div>
            <SidePanel />
          </main>
          <KeyboardShortcuts />
          <Dialogs />
        </div>
      </ReactFlowProvider>
    </EditorContext>
  );
}
