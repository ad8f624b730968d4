import {
  forecastDiagram,
  formatCount,
  formatMoney,
  isKnown,
  type Estimate,
  type Forecast,
} from '../../forecast';
import type { Diagram } from '../../model/schema';
import { useEditor } from './editor-context';

/**
 * The forecast reads no positions, so a drag must not recompute it: a diagram that differs from
 * the previous one only in where its nodes sit maps to that previous diagram, the "basis". Every
 * forecast figure is cached per basis, and a component that selects the basis does not re-render
 * while cards move.
 */
const basisCache = new WeakMap<Diagram, Diagram>();
let lastBasis: Diagram | null = null;

export function forecastBasis(diagram: Diagram): Diagram {
  const cached = basisCache.get(diagram);
  if (cached) return cached;
  const basis = lastBasis && onlyMoved(lastBasis, diagram) ? lastBasis : diagram;
  basisCache.set(diagram, basis);
  lastBasis = basis;
  return basis;
}

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

const forecastCache = new WeakMap<Diagram, Forecast>();

/** The forecast of a diagram version, computed once however many components ask. */
export function forecastOf(diagram: Diagram): Forecast {
  const basis = forecastBasis(diagram);
  let forecast = forecastCache.get(basis);
  if (!forecast) {
    forecast = forecastDiagram(basis);
    forecastCache.set(basis, forecast);
  }
  return forecast;
}

/** The diagram as the forecast sees it: stable while nodes are only dragged. */
export function useForecastBasis(): Diagram {
  return useEditor((s) => forecastBasis(s.diagram));
}

export function useForecast(): Forecast {
  return forecastOf(useForecastBasis());
}

/** One short line for a card, and why its figure is "?" when it is. */
export interface FlowLine {
  readonly text: string;
  readonly reason: string | null;
}

const linesCache = new WeakMap<Forecast, ReadonlyMap<string, FlowLine>>();

/** Every card's flow line, built once per forecast so that each card picks its own by id. */
export function flowLines(forecast: Forecast): ReadonlyMap<string, FlowLine> {
  let lines = linesCache.get(forecast);
  if (!lines) {
    lines = buildFlowLines(forecast);
    linesCache.set(forecast, lines);
  }
  return lines;
}

export function flowLineOf(diagram: Diagram, nodeId: string): FlowLine | undefined {
  return flowLines(forecastOf(diagram)).get(nodeId);
}

function firstReason(...estimates: (Estimate | null)[]): string | null {
  for (const estimate of estimates) if (estimate && !isKnown(estimate)) return estimate.unknown;
  return null;
}

function buildFlowLines(forecast: Forecast): Map<string, FlowLine> {
  const lines = new Map<string, FlowLine>();
  for (const channel of forecast.channels) {
    const { leads } = channel;
    if (isKnown(leads)) {
      lines.set(channel.id, { text: `≈ ${formatCount(leads.value)} leads/mo`, reason: null });
      continue;
    }
    const noRate = !isKnown(channel.conversion) && isKnown(channel.volumePerMonth);
    lines.set(channel.id, {
      text: noRate ? '? no rate' : '? leads/mo',
      reason: firstReason(channel.volumePerMonth, channel.conversion, leads),
    });
  }
  for (const stage of forecast.stages) {
    const { inflow, outflow } = stage;
    if (!isKnown(inflow)) {
      lines.set(stage.id, { text: '? in/mo', reason: inflow.unknown });
    } else if (stage.isClose) {
      lines.set(stage.id, { text: `≈ ${formatCount(inflow.value)} won/mo`, reason: null });
    } else if (isKnown(outflow)) {
      const text = `≈ ${formatCount(inflow.value)} in/mo → ${formatCount(outflow.value)} out`;
      lines.set(stage.id, { text, reason: null });
    } else {
      const noRate = stage.rate !== null && !isKnown(stage.rate);
      lines.set(stage.id, {
        text: `≈ ${formatCount(inflow.value)} in/mo → ${noRate ? '? no rate' : '?'}`,
        reason: outflow.unknown,
      });
    }
  }
  if (forecast.motionId !== null) {
    const { newArr } = forecast.totals;
    lines.set(
      forecast.motionId,
      isKnown(newArr)
        ? { text: `≈ ${formatMoney(newArr.value, forecast.currency)} new ARR/mo`, reason: null }
        : { text: '? new ARR/mo', reason: newArr.unknown },
    );
  }
  return lines;
}
