import { formatCount, formatMoney, isKnown, type Estimate, type Forecast } from '../../forecast';
import type { Diagram } from '../../model/schema';
import type { EditorState } from '../editor-store';
import { useEditor } from './editor-context';

/** The diagram as the forecast sees it: stable while nodes are only dragged. */
export function useForecastBasis(): Diagram {
  return useEditor((s) => s.derived.forecastBasis(s.diagram));
}

/** The forecast of the open diagram; does not change (or re-render) while cards are dragged. */
export function useForecast(): Forecast {
  const basis = useForecastBasis();
  const forecastOf = useEditor((s) => s.derived.forecastOf);
  return forecastOf(basis);
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

/** One card's flow line, for a store selector. */
export function flowLineOf(state: EditorState, nodeId: string): FlowLine | undefined {
  return flowLines(state.derived.forecastOf(state.diagram)).get(nodeId);
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
