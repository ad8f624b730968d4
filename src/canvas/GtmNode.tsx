import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { KIND_LABEL, layerOf } from '../model/layers';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { LayerIcon } from '../ui-kit/LayerIcon';
import { LAYER_PALETTE } from '../model/layer-palette';
import { isNodeHighlighted } from './highlight';
import { nodeFacts } from './node-facts';
import { NodeBadges } from './NodeBadges';
import { NodeForecast } from './NodeForecast';
import { StageActuals } from './StageActuals';
import { useEditor } from '../store/react/editor-context';
import { ErrorBoundary } from '../ui-kit/ErrorBoundary';
import { CardHandles } from './CardHandles';
import { UNZOOM } from './PresenceLayer';
import { useRemoteDrag } from '../store/react/use-remote-drags';
import type { GtmFlowNode } from './to-flow';
import { TitleEditor } from './TitleEditor';
import { useTitleEditing } from '../ui-kit/title-editing';

function GtmNodeView({ data, selected }: NodeProps<GtmFlowNode>) {
  const { node, remote } = data;
  // Someone else drags it: the card itself moves to where they have it (presence comes 25
  // times a second); once dropped it waits there for the committed position, which then takes
  // over from the same place.
  const drag = useRemoteDrag(node.id);
  const at = remote ? drag?.at : undefined;
  const layer = layerOf(node.kind);
  const theme = LAYER_PALETTE[layer];
  const currency = useEditor((s) => s.diagram.meta.currency);
  const facts = nodeFacts(node, currency);
  const highlighted = useEditor((s) => isNodeHighlighted(s, node.id));
  const titleEditing = useTitleEditing(node.id);
  const cardRef = useRef<HTMLDivElement>(null);
  // React Flow's wrapper (the card's accessible element) is moved, not just what it draws, and
  // outside React Flow's store: handing it a new position would cost a pass over every card
  // per message. Its own transform is put back when the drag is over; a new stored position
  // React Flow writes itself (after this cleanup, in the same commit), from the same place, and
  // it is then the one to put back. No easing between messages: without a GPU
  // a transition repaints the cards and edges under it every frame (2 frames a second at 500
  // cards, against 27 without).
  useLayoutEffect(() => {
    const wrapper = cardRef.current?.closest<HTMLElement>('.react-flow__node');
    if (!wrapper || !at) return;
    const own = wrapper.style.transform;
    wrapper.style.transform = `translate(${at.x}px, ${at.y}px)`;
    return () => {
      wrapper.style.transform = own;
    };
  }, [at, node.position]);
  // Enter on the focused card (React Flow's wrapper, outside this component) edits its title.
  useEffect(() => {
    const wrapper = cardRef.current?.closest<HTMLElement>('.react-flow__node');
    if (!wrapper) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.target !== wrapper) return;
      event.preventDefault();
      titleEditing.store.start(node.id);
    };
    wrapper.addEventListener('keydown', onKeyDown);
    return () => wrapper.removeEventListener('keydown', onKeyDown);
  }, [titleEditing.store, node.id]);
  return (
    <div
      ref={cardRef}
      onDoubleClick={() => titleEditing.store.start(node.id)}
      className="gtm-node group relative flex flex-col rounded-lg border bg-white text-left shadow-sm"
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        borderColor: selected ? theme.accent : '#d4d4d8',
        boxShadow: remote
          ? `0 0 0 max(3px, calc(3px / var(--gtm-zoom, 1))) ${remote.color}, 0 8px 20px rgba(0,0,0,0.18)`
          : selected
            ? `0 0 0 2px ${theme.accent}`
            : highlighted
              ? '0 0 0 3px #facc15, 0 0 12px 2px #fde047'
              : undefined,
      }}
      data-kind={node.kind}
      data-highlighted={highlighted ? 'true' : undefined}
      data-remote-drag={remote?.name}
    >
      {remote && (
        // Who moves it; the avatars in the top bar say who is in the room to a screen reader.
        <span
          aria-hidden="true"
          className="absolute -top-6 left-0 rounded px-1.5 py-0.5 text-[11px] whitespace-nowrap text-white"
          style={{ background: remote.color, scale: UNZOOM, transformOrigin: 'bottom left' }}
        >
          {remote.name}
        </span>
      )}
      {/* The handles stay outside, so the edges keep their ends if the card's content fails. */}
      <ErrorBoundary name={`card:${node.title}`} label={node.title || 'Untitled'} variant="card">
        <NodeBadges nodeId={node.id} />
        {node.kind === 'stage' && <StageActuals nodeId={node.id} />}
        <div className="h-1 w-full shrink-0 rounded-t-lg" style={{ background: theme.accent }} />
        <div className="flex min-h-0 flex-1 flex-col gap-1 overflow-hidden px-3 py-2">
          <div
            className="gtm-detail flex items-center gap-1.5 text-[11px] font-medium uppercase tracking-wide"
            style={{ color: theme.text }}
          >
            <LayerIcon layer={layer} />
            <span>{KIND_LABEL[node.kind]}</span>
          </div>
          {titleEditing.editing ? (
            <TitleEditor nodeId={node.id} title={node.title} editing={titleEditing.store} />
          ) : (
            <div
              className="gtm-title truncate text-sm font-semibold text-zinc-900"
              title={node.title}
              data-part="title"
            >
              {node.title || <span className="italic text-zinc-400">Untitled</span>}
            </div>
          )}
          {facts.map((fact) => (
            <div key={fact} className="gtm-detail truncate text-xs text-zinc-600" title={fact}>
              {fact}
            </div>
          ))}
          <NodeForecast nodeId={node.id} />
        </div>
      </ErrorBoundary>
      <CardHandles />
    </div>
  );
}

export const GtmNode = memo(GtmNodeView);
