import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../store/react/editor-context';
import { BAND_HEIGHT, NODE_WIDTH, bandTop } from '../model/bands';
import { LAYERS } from '../model/layers';
import type { EditorState } from '../store/editor-store';
import { LayerIcon } from '../ui-kit/LayerIcon';
import { LAYER_PALETTE } from '../model/layer-palette';

const STEP = 1000;

/** Horizontal extent of the bands, rounded to a coarse step so a drag rarely changes it. */
function selectExtent(state: EditorState): string {
  let min = 0;
  let max = 2 * STEP;
  for (const node of state.diagram.nodes) {
    if (node.position.x < min) min = node.position.x;
    if (node.position.x + NODE_WIDTH > max) max = node.position.x + NODE_WIDTH;
  }
  return `${Math.floor(min / STEP) * STEP - STEP}:${Math.ceil(max / STEP) * STEP + STEP}`;
}

function BandsView() {
  const extent = useEditor(selectExtent);
  const [left, right] = extent.split(':').map(Number) as [number, number];
  return (
    <ViewportPortal>
      {LAYERS.map((layer, i) => {
        const theme = LAYER_PALETTE[layer.id];
        return (
          <div
            key={layer.id}
            className="gtm-band pointer-events-none absolute"
            style={{
              transform: `translate(${left}px, ${bandTop(layer.id)}px)`,
              width: right - left,
              height: BAND_HEIGHT,
              background: i % 2 === 0 ? theme.band : '#ffffff',
              borderTop: '1px solid #e4e4e7',
              zIndex: -1,
            }}
          >
            <div
              className="gtm-band-title absolute flex items-center gap-1.5 font-semibold whitespace-nowrap uppercase tracking-wider"
              style={{ ['--gtm-band-left' as string]: `${left}px`, color: theme.text }}
            >
              <LayerIcon layer={layer.id} />
              {layer.label}
            </div>
          </div>
        );
      })}
    </ViewportPortal>
  );
}

export const Bands = memo(BandsView);
