import { forecastDiagram, type Forecast } from '../../forecast';
import type { Diagram } from '../../model/schema';

/** Same document except for node positions (moveNodes keeps each node's data object). */
function onlyMoved(before: Diagram, after: Diagram): boolean {
  if (before.meta !== after.meta || before.edges !== after.edges) return false;
  if (before.nodes.length !== after.nodes.length) return false;
  return before.nodes.every((node, i) => {
    const other = after.nodes[i];
    return (
      other !== undefined &&
      (other === node ||
        (other.id === node.id &&
          other.kind === node.kind &&
          other.title === node.title &&
          other.data === node.data))
    );
  });
}

export interface ForecastCache {
  /**
   * The diagram as the forecast sees it. The forecast reads no positions, so a diagram that
   * differs from the previous one only in where its nodes sit maps to that previous diagram,
   * and a component that selects the basis does not re-render while cards move.
   */
  basisOf(diagram: Diagram): Diagram;
  /** The forecast of a diagram version, computed once per basis however many components ask. */
  forecastOf(diagram: Diagram): Forecast;
}

/** One per editor: the last basis it remembers belongs to that editor's diagram. */
export function createForecastCache(): ForecastCache {
  const basisCache = new WeakMap<Diagram, Diagram>();
  const forecastCache = new WeakMap<Diagram, Forecast>();
  let lastBasis: Diagram | null = null;
  const basisOf = (diagram: Diagram): Diagram => {
    const cached = basisCache.get(diagram);
    if (cached) return cached;
    const basis = lastBasis && onlyMoved(lastBasis, diagram) ? lastBasis : diagram;
    basisCache.set(diagram, basis);
    lastBasis = basis;
    return basis;
  };
  return {
    basisOf,
    forecastOf(diagram) {
      const basis = basisOf(diagram);
      let forecast = forecastCache.get(basis);
      if (!forecast) {
        forecast = forecastDiagram(basis);
        forecastCache.set(basis, forecast);
      }
      return forecast;
    },
  };
}
