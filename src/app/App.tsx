import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { NoticeBanner } from '../ui/NoticeBanner';
import { Palette } from '../ui/Palette';
import { SidePanel } from '../ui/SidePanel';
import { TopBar } from '../ui/TopBar';
import { Dialogs } from './Dialogs';
import { EditorContext, type Editor } from '../store/react/editor-context';
import { ErrorBoundary } from '../ui-kit/ErrorBoundary';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { RestoreGate } from './RestoreGate';
import { usePanels } from './use-panels';

export function App({ editor }: { editor: Editor }) {
  return (
    <EditorContext value={editor}>
      <Shell />
    </EditorContext>
  );
}

function Shell() {
  const panels = usePanels();
  return (
    <ErrorBoundary name="editor" label="The editor">
      <ReactFlowProvider>
        <div className="flex h-full flex-col">
          <RestoreGate>
            <ErrorBoundary name="top-bar" label="The top bar">
              <TopBar />
            </ErrorBoundary>
            <NoticeBanner />
            <main className="flex min-h-0 flex-1">
              <ErrorBoundary name="palette" label="The palette" className="shrink-0">
                <Palette open={panels.palette} onToggle={() => panels.toggle('palette')} />
              </ErrorBoundary>
              <div className="min-w-0 flex-1">
                <ErrorBoundary name="canvas" label="The canvas">
                  <Canvas
                    minimap={panels.minimap}
                    onToggleMinimap={() => panels.toggle('minimap')}
                  />
                </ErrorBoundary>
              </div>
              <ErrorBoundary name="side-panel" label="The side panel" className="shrink-0">
                <SidePanel open={panels.side} onToggle={() => panels.toggle('side')} />
              </ErrorBoundary>
            </main>
          </RestoreGate>
          <KeyboardShortcuts />
          <ErrorBoundary name="dialogs" label="The dialog">
            <Dialogs />
          </ErrorBoundary>
        </div>
      </ReactFlowProvider>
    </ErrorBoundary>
  );
}
