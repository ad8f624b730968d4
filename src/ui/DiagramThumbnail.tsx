import { memo, useEffect, useState } from 'react';
import { BAND_HEIGHT, NODE_HEIGHT, NODE_WIDTH, bandTop } from '../model/bands';
import { LAYERS, layerOf } from '../model/layers';
import type { Diagram } from '../model/schema';
import { useEditor, useEditorApi } from '../store/react/editor-context';
import { LAYER_PALETTE } from '../model/layer-palette';

const WIDTH = 96;
const HEIGHT = 54;
/** Past this many cards a thumbnail draws a sample: it is a glance, not a picture. */
const MAX_CARDS = 400;

/**
 * A diagram's thumbnail in the Diagrams list (issue 16): its bands and cards as coloured
 * blocks, drawn from the model in one small SVG. The open diagram is drawn from the store (it
 * may be newer than its saved copy); the others are read from the library once, when listed.
 */
export const DiagramThumbnail = memo(function DiagramThumbnail({
  id,
  open,
}: {
  id: string;
  open: boolean;
}) {
  const { session } = useEditorApi();
  const current = useEditor((s) => (open ? s.diagram : null));
  const [saved, setSaved] = useState<Diagram | null>(null);
  useEffect(() => {
    if (open) return;
    let live = true;
    void session.preview(id).then((diagram) => {
      if (live) setSaved(diagram);
    });
    return () => {
      live = false;
    };
  }, [id, open, session]);
  const diagram = current ?? saved;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={viewBoxOf(diagram)}
      preserveAspectRatio="xMidYMid meet"
      className="shrink-0 rounded border border-zinc-200 bg-white"
      aria-hidden="true"
      data-thumbnail={diagram ? diagram.nodes.length : 'loading'}
    >
      {diagram && <Blocks diagram={diagram} />}
    </svg>
  );
});

function Blocks({ diagram }: { diagram: Diagram }) {
  const [left, , width] = extentOf(diagram);
  const step = Math.max(1, Math.ceil(diagram.nodes.length / MAX_CARDS));
  return (
    <>
      {LAYERS.map((layer, i) => (
        <rect
          key={layer.id}
          x={left}
          y={bandTop(layer.id)}
          width={width}
          height={BAND_HEIGHT}
          fill={i % 2 === 0 ? LAYER_PALETTE[layer.id].band : '#ffffff'}
        />
      ))}
      {diagram.nodes
        .filter((_, i) => i % step === 0)
        .map((node) => (
          <rect
            key={node.id}
            x={node.position.x}
            y={node.position.y}
            width={NODE_WIDTH}
            height={NODE_HEIGHT}
            rx={16}
            fill={LAYER_PALETTE[layerOf(node.kind)].accent}
          />
        ))}
    </>
  );
}

/** Left, top, width and height of what the thumbnail shows: the cards, across all five bands. */
function extentOf(diagram: Diagram): [number, number, number, number] {
  const xs = diagram.nodes.map((n) => n.position.x);
  const left = xs.length ? Math.min(...xs) - 40 : 0;
  const right = xs.length ? Math.max(...xs) + NODE_WIDTH + 40 : 2000;
  return [left, 0, Math.max(right - left, 1), BAND_HEIGHT * LAYERS.length];
}

function viewBoxOf(diagram: Diagram | null): string {
  if (!diagram) return `0 0 ${WIDTH} ${HEIGHT}`;
  return extentOf(diagram).join(' ');
}
