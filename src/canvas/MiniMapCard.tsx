import { MiniMapNode, type MiniMapNodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRemoteDrag } from '../store/react/use-remote-drags';

/**
 * A card in the minimap, drawn where someone else has it while they drag it: the canvas shows
 * the card there (GtmNode moves it outside React Flow's store), and the minimap, which reads
 * that store, would otherwise keep it at its stored place until the drop.
 */
export const MiniMapCard = memo(function MiniMapCard(props: MiniMapNodeProps) {
  const drag = useRemoteDrag(props.id);
  return <MiniMapNode {...props} x={drag?.at.x ?? props.x} y={drag?.at.y ?? props.y} />;
});
