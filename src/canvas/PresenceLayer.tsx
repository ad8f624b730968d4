import { useReactFlow, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import { useEditor } from '../store/react/editor-context';
import { useRoom, useRooms } from '../store/react/use-room';
import type { Peer, Point } from '../store/shared/room-state';
import { useRemoteDrags } from '../store/react/use-remote-drags';
import { isBigDiagram } from './big-diagram';
import { useDetailed } from './level-of-detail';

/**
 * Others in the room, drawn over the canvas in flow coordinates: each person's selection as an
 * outline in their colour and their cursor with their name. The cards they drag are the cards
 * themselves, moved (Canvas); only the big-diagram overview outlines them here. Decorative for screen readers: the avatars in the top bar say who is in.
 */
export function PresenceLayer() {
  const peers = useRoom((s) => s.peers);
  const inRoom = useRoom((s) => s.room !== null);
  useBroadcastCursor(inRoom);
  if (!inRoom || peers.length === 0) return null;
  return (
    <ViewportPortal>
      <div aria-hidden="true" className="pointer-events-none">
        {peers.map((peer) => (
          <PeerMarks key={peer.clientId} peer={peer} />
        ))}
      </div>
    </ViewportPortal>
  );
}

/**
 * Marks keep their size on screen when zoomed out (--gtm-zoom: use-zoom-style.ts): at the
 * overview's 10 % a 3 px outline and an 11 px name would be a fraction of a pixel.
 */
export const UNZOOM = 'max(1, calc(1 / var(--gtm-zoom, 1)))';
const LINE = 'max(3px, calc(3px / var(--gtm-zoom, 1)))';

function PeerMarks({ peer }: { peer: Peer }) {
  const nodes = useEditor((s) => s.diagram.nodes);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const drags = useRemoteDrags();
  // Zoomed out on a big diagram the picture draws the cards, so a card being dragged is drawn
  // here as an outline with its title; otherwise the card itself moves (Canvas, GtmNode).
  const detailed = useDetailed();
  const overview = isBigDiagram(nodes.length) && !detailed;
  const outlined: { id: string; at: Point; title: string; dragged: boolean }[] = [];
  for (const id of peer.selection) {
    const node = byId.get(id);
    const drag = drags.get(id);
    if (!node || drag?.clientId === peer.clientId) continue;
    outlined.push({ id, at: drag?.at ?? node.position, title: node.title, dragged: false });
  }
  if (overview)
    for (const [id, drag] of drags) {
      const node = byId.get(id);
      if (node && drag.clientId === peer.clientId)
        outlined.push({ id, at: drag.at, title: node.title, dragged: true });
    }
  return (
    <>
      {outlined.map((mark) => (
        <div
          key={mark.id}
          data-presence-outline={peer.name}
          className="absolute rounded-lg"
          style={{
            transform: `translate(${mark.at.x - 4}px, ${mark.at.y - 4}px)`,
            width: NODE_WIDTH + 8,
            height: NODE_HEIGHT + 8,
            border: `${LINE} solid ${peer.color}`,
            background: mark.dragged ? 'rgba(255,255,255,0.85)' : undefined,
            zIndex: 1000,
          }}
        >
          {mark.dragged && (
            <span
              className="block p-3 leading-tight font-medium text-zinc-800"
              style={{ fontSize: 'min(40px, max(14px, calc(14px / var(--gtm-zoom, 1))))' }}
            >
              {mark.title}
            </span>
          )}
          <span
            className="absolute -top-5 left-0 rounded px-1 text-[11px] whitespace-nowrap text-white"
            style={{ background: peer.color, scale: UNZOOM, transformOrigin: 'bottom left' }}
          >
            {peer.name}
          </span>
        </div>
      ))}
      {peer.cursor && (
        <div
          data-presence-cursor={peer.name}
          className="absolute"
          style={{
            transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)`,
            zIndex: 1001,
          }}
        >
          <div style={{ scale: UNZOOM, transformOrigin: 'top left' }}>
            <svg width="18" height="18" viewBox="0 0 18 18">
              <path
                d="M1 1l6 16 2.5-6.5L16 8z"
                fill={peer.color}
                stroke="white"
                strokeWidth="1.5"
              />
            </svg>
            <span
              className="absolute top-4 left-3 rounded px-1.5 py-0.5 text-xs whitespace-nowrap text-white"
              style={{ background: peer.color }}
            >
              {peer.name}
            </span>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * Sends this pointer's position on the canvas, in flow coordinates, at most once a frame (the
 * room sends presence 25 times a second at most: presence-sender.ts).
 */
function useBroadcastCursor(enabled: boolean) {
  const rooms = useRooms();
  const flow = useReactFlow();
  const storeApi = useStoreApi();
  useEffect(() => {
    const dom = storeApi.getState().domNode;
    if (!enabled || !rooms || !dom) return;
    let frame = 0;
    let last: { x: number; y: number } | null = null;
    const send = () => {
      frame = 0;
      rooms.setCursor(last);
    };
    const onMove = (event: PointerEvent) => {
      last = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      frame ||= requestAnimationFrame(send);
    };
    const onLeave = () => {
      last = null;
      frame ||= requestAnimationFrame(send);
    };
    dom.addEventListener('pointermove', onMove);
    dom.addEventListener('pointerleave', onLeave);
    return () => {
      dom.removeEventListener('pointermove', onMove);
      dom.removeEventListener('pointerleave', onLeave);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [enabled, rooms, flow, storeApi]);
}
