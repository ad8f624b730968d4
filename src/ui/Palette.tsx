import { useEditor } from '../store/react/editor-context';
import { useCanEdit } from '../store/react/use-room';
import { KIND_LABEL, LAYERS, type NodeKind } from '../model/layers';
import { LAYER_PALETTE } from '../model/layer-palette';
import { LayerIcon } from '../ui-kit/LayerIcon';

import { PALETTE_DRAG_TYPE } from '../ui-kit/drag-types';
import { useAddCard } from './use-add-card';
import { VIEW_ONLY_HINT } from './view-only-hint';

/**
 * One button per node kind, grouped by layer; click adds in free space, drag drops at a point.
 * Collapsed, it leaves a strip with the button that opens it again.
 */
export function Palette({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const addCard = useAddCard();
  const showSideTab = useEditor((s) => s.showSideTab);
  const editable = useCanEdit();
  if (!open) {
    return (
      <div className="flex h-full w-9 flex-col items-center border-r border-zinc-200 bg-white py-2">
        <button
          type="button"
          className="icon-btn"
          aria-label="Show palette"
          aria-expanded="false"
          title="Show palette"
          onClick={onToggle}
        >
          ›
        </button>
      </div>
    );
  }
  return (
    <div className="relative h-full">
      <button
        type="button"
        className="icon-btn absolute top-2 -right-3.5 z-10 h-6 w-6 rounded-full shadow-sm"
        aria-label="Hide palette"
        aria-expanded="true"
        title="Hide palette"
        onClick={onToggle}
      >
        ‹
      </button>
      <div
        role="toolbar"
        aria-label="Palette"
        aria-orientation="vertical"
        className="flex h-full w-36 shrink-0 flex-col gap-3 overflow-y-auto border-r border-zinc-200 bg-white p-3 xl:w-44"
      >
        {!editable && <p className="text-xs text-zinc-600">{VIEW_ONLY_HINT}</p>}
        {LAYERS.map((layer) => (
          <div key={layer.id} role="group" aria-label={layer.label}>
            <div
              className="mb-1 flex items-center gap-1 text-[11px] font-semibold uppercase tracking-wider"
              style={{ color: LAYER_PALETTE[layer.id].text }}
            >
              <LayerIcon layer={layer.id} />
              {layer.label}
            </div>
            <div className="flex flex-col gap-1">
              {layer.kinds.map((kind: NodeKind) => (
                <button
                  key={kind}
                  type="button"
                  aria-label={`Add ${kind}`}
                  title={
                    editable
                      ? `Add a ${KIND_LABEL[kind]} node (or drag it onto the canvas)`
                      : VIEW_ONLY_HINT
                  }
                  disabled={!editable}
                  draggable={editable}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => {
                    addCard(kind);
                    showSideTab('Inspector');
                  }}
                  className="flex items-center gap-2 rounded-md border border-zinc-200 px-2 py-1 text-left text-sm text-zinc-800 hover:border-zinc-400 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:border-zinc-200 disabled:hover:bg-transparent"
                >
                  <span
                    className="h-2.5 w-2.5 rounded-full"
                    style={{ background: LAYER_PALETTE[layer.id].accent }}
                    aria-hidden="true"
                  />
                  {KIND_LABEL[kind]}
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
