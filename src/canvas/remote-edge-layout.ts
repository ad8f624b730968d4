import type { Diagram } from '../model/schema';
import type { EdgeLayout } from '../drawing/edge-layout';
import { routeEdges } from '../drawing/edge-routes';
import { withRemoteDrags, type RemoteDrags } from '../store/shared/remote-drags';

let memo: { layout: EdgeLayout; drags: RemoteDrags; shown: EdgeLayout } | null = null;

/**
 * The edge layout as shown while others drag cards: the document's layout, with the edges of
 * their cards drawn as plain elbows to where the cards are now, without their chips until the
 * drop (whose change routes them round the cards again). Routing them round the cards on every
 * awareness message cost a watching screen 37 ms an update at 500 cards, most of it re-routing
 * the edges whose search area the card crossed; the elbows touch those edges only, and every
 * other route and chip keeps its object, so its edge does not re-render.
 */
export function withRemoteEdges(
  layout: EdgeLayout,
  diagram: Diagram,
  drags: RemoteDrags,
): EdgeLayout {
  if (drags.size === 0) return layout;
  if (memo?.layout === layout && memo.drags === drags) return memo.shown;
  const touched = diagram.edges.filter((edge) => drags.has(edge.source) || drags.has(edge.target));
  let shown = layout;
  if (touched.length > 0) {
    const { nodes } = withRemoteDrags(diagram, drags);
    const routes = new Map(layout.routes);
    for (const [id, route] of routeEdges(nodes, touched, undefined, false)) routes.set(id, route);
    const labels = new Map(layout.labels);
    for (const edge of touched) labels.delete(edge.id);
    shown = { nodes, routes, labels };
  }
  memo = { layout, drags, shown };
  return shown;
}
