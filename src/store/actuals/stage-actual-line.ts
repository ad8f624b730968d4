import type { ActualsReport, StageActual } from '../../actuals/compute-actuals';
import { MIN_DEALS_TO_JUDGE } from '../../rules/actuals-input';
import type { Diagram } from '../../model/schema';
import { formatPercent } from '../../forecast/format';
import { stageRate } from '../../forecast/node-metrics';
import { auditEngine } from '../../rules/lazy-engine';
import { DRIFT_THRESHOLD } from '../../model/metric-drift';
import type { EditorState } from '../editor-store';

/** How a stage's actual sits against its plan: the chip's colour and glyph follow it. */
export type DriftTone = 'within' | 'above' | 'below' | 'few' | 'none';

export interface StageActualLine {
  /** "MQL → SQL 31% actual · 40% plan, n = 212" */
  readonly text: string;
  /** "22.5% below plan", "within 15% of plan", "too few deals to judge". */
  readonly chip: string;
  readonly tone: DriftTone;
}

/** Lines per figures and diagram version, so a thousand cards do not each search the report. */
const cache = new WeakMap<ActualsReport, WeakMap<Diagram, Map<string, StageActualLine | null>>>();

/**
 * One stage card's plan-vs-actual line, from the imported figures and the diagram as it is
 * now (the plan is read from the card, so an edited rate shows at once). Null without deals.
 */
export function stageActualLine(state: EditorState, nodeId: string): StageActualLine | null {
  const deals = state.deals;
  if (deals.status !== 'ready') return null;
  let byDiagram = cache.get(deals.report);
  if (!byDiagram) cache.set(deals.report, (byDiagram = new WeakMap()));
  let lines = byDiagram.get(state.diagram);
  if (!lines) byDiagram.set(state.diagram, (lines = new Map()));
  if (lines.has(nodeId)) return lines.get(nodeId) ?? null;
  // The diagram's own threshold comes from the rules; until they load there is no line (the
  // store is told when they do).
  const limit = threshold(state);
  if (limit === null) return null;
  const figures = deals.report.stages.find((s) => s.stageId === nodeId);
  const node = state.diagram.nodes.find((n) => n.id === nodeId);
  const line = figures && node ? toLine(figures, stageRate(node)?.value ?? null, limit) : null;
  lines.set(nodeId, line);
  return line;
}

/** The actual-off-plan rule's threshold as the diagram sets it; null until the rules load. */
function threshold(state: EditorState): number | null {
  const engine = auditEngine();
  if (!engine) return null;
  const rule = engine.ruleById('actual-off-plan');
  if (!rule) return DRIFT_THRESHOLD;
  const setting = state.diagram.rules?.['actual-off-plan'];
  return engine.optionsOf(rule, setting).threshold ?? DRIFT_THRESHOLD;
}

export function toLine(figures: StageActual, plan: number | null, limit: number): StageActualLine {
  if (figures.isClose) {
    return { text: `${figures.reached} won in the export`, chip: '', tone: 'none' };
  }
  const next = figures.nextTitles[0];
  const step =
    next === undefined
      ? figures.title
      : `${figures.title} → ${next}${figures.nextTitles.length > 1 ? ' …' : ''}`;
  const actual =
    figures.actual === null ? 'no closed deals yet' : `${formatPercent(figures.actual)} actual`;
  const planned = plan === null ? 'no plan' : `${formatPercent(plan)} plan`;
  const text = `${step} ${actual} · ${planned}, n = ${figures.resolved}`;
  if (figures.actual === null || plan === null || plan === 0)
    return { text, chip: '', tone: 'none' };
  if (figures.tooFew) {
    return { text, chip: `too few deals to judge (under ${MIN_DEALS_TO_JUDGE})`, tone: 'few' };
  }
  const drift = (figures.actual - plan) / plan;
  if (Math.abs(drift) - limit <= 1e-9) {
    return { text, chip: `within ${formatPercent(limit)} of plan`, tone: 'within' };
  }
  return drift > 0
    ? { text, chip: `${formatPercent(drift)} above plan`, tone: 'above' }
    : { text, chip: `${formatPercent(-drift)} below plan`, tone: 'below' };
}
