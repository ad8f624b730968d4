import type { EdgeRoute } from '../../drawing/edge-routes';
import { EDGE_STYLE } from '../../drawing/edge-style';
import { routePath } from '../../drawing/route-path';
import type { EdgeKind } from '../../model/schema';

/** An edge along its route (src/drawing/edge-routes.ts), the very path the canvas draws. */
export function renderEdge(route: EdgeRoute): string {
  const style = EDGE_STYLE[route.edge.kind ?? 'handoff'];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<path d="${routePath(route.points)}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash} marker-end="url(#${style.marker})"/>`;
}

/** The arrowheads, one per edge kind, in its colour. */
export function renderMarkers(): string {
  return (Object.keys(EDGE_STYLE) as EdgeKind[])
    .map((kind) => {
      const style = EDGE_STYLE[kind];
      return `<marker id="${style.marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${style.color}"/></marker>`;
    })
    .join('');
}
