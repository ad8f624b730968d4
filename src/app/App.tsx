import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { NoticeBanner } from '../ui/NoticeBanner';
import { Palette } from '../ui/Palette';
import { TopBar } from '../ui/TopBar';
import { EditorContext, type Editor } from './editor-context';

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
          </main>
        </div>
      </ReactFlowProvider>
    </EditorContext>
  );
}
