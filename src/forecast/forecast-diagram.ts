import type { RateKey } from '../model/metrics';
import type { Diagram } from '../model/schema';
import { dealEconomics, type DealEconomics } from './deal-economics';
import { divide, isKnown, known, multiply, sum, unknown, type Estimate } from './estimate';
import { channelCac, computeFlow, type Flow } from './flow';
import type { ChannelForecast, Forecast, ForecastTotals, StageForecast } from './forecast-types';
import { MESSAGES } from './messages';
import { metricValue } from './node-metrics';

export const DEFAULT_CURRENCY = 'USD';

/** The monthly funnel forecast of a diagram. Pure; linear in nodes + edges. */
export function forecastDiagram(diagram: Diagram): Forecast {
  const flow = computeFlow(diagram);
  const economics = dealEconomics(diagram, flow.graph);
  const { acv, salesCycleDays } = economics;

  const channels = flow.channels.map((channel): ChannelForecast => ({
    id: channel.node.id,
    title: channel.node.title,
    volumePerMonth: channel.volumePerMonth,
    conversionKey: channel.conversionKey,
    conversion: channel.conversion,
    leads: channel.leads,
    won: channel.won,
    spendPerMonth: channel.spendPerMonth,
    cac: channelCac(channel),
    entryStageIds: channel.entries.map((i) => flow.pipeline.stages[i]?.node.id ?? ''),
  }));

  const stages = flow.pipeline.order.map((i): StageForecast => {
    const stage = flow.pipeline.stages[i]!;
    const stageFlow = flow.stages[i]!;
    return {
      id: stage.node.id,
      title: stage.node.title,
      rateKey: stage.rateKey,
      rate: stage.isClose ? null : stage.rate,
      isClose: stage.isClose,
      inflow: stageFlow.inflow,
      outflow: stageFlow.outflow,
    };
  });

  const won = flow.won;
  const opportunities = opportunitiesOf(stages);
  const totals: ForecastTotals = feedsPipeline({ channels })
    ? {
        // A channel that reaches no stage is left out (a note says so): known or not, its
        // leads never enter the pipeline.
        leads: sum(channels.filter((c) => c.entryStageIds.length > 0).map((c) => c.leads)),
        mql: outflowOf(stages, 'lead-to-mql', 'MQLs'),
        sql: outflowOf(stages, 'mql-to-sql', 'SQLs'),
        opportunities,
        won,
        newArr: multiply(won, acv),
        salesVelocity: velocityOf(flow, economics, opportunities),
      }
    : unfedTotals();

  const unknowns = collectUnknowns(channels, stages, totals);
  const notes = [
    ...flow.pipeline.notes,
    ...flow.channels
      .filter((c) => c.entries.length === 0)
      .map((c) => MESSAGES.channelNoStage(c.node.title)),
  ];
  return {
    currency: diagram.meta.currency ?? DEFAULT_CURRENCY,
    motionId: economics.motion?.id ?? null,
    acv,
    salesCycleDays,
    channels,
    stages,
    totals,
    unknowns,
    notes: notes.filter((text) => !unknowns.includes(text)),
  };
}

/** Every total unknown for one reason, when no channel feeds the pipeline. */
function unfedTotals(): ForecastTotals {
  const nothing = unknown(MESSAGES.noChannelFeedsPipeline());
  return {
    leads: nothing,
    mql: nothing,
    sql: nothing,
    opportunities: nothing,
    won: nothing,
    newArr: nothing,
    salesVelocity: nothing,
  };
}

/** Whether any channel reaches a stage; until one does, every total is unknown. */
export function feedsPipeline(forecast: Pick<Forecast, 'channels'>): boolean {
  return forecast.channels.some((channel) => channel.entryStageIds.length > 0);
}

function withKey(stages: readonly StageForecast[], key: RateKey): StageForecast[] {
  return stages.filter((stage) => stage.rateKey === key);
}

function outflowOf(stages: readonly StageForecast[], key: RateKey, figure: string): Estimate {
  const carrying = withKey(stages, key);
  if (carrying.length === 0) return unknown(MESSAGES.noStageWith(key, figure));
  return sum(carrying.map((stage) => stage.outflow));
}

/** Win-rate stages are where opportunities are counted; demo-to-opportunity is the fallback. */
function opportunitiesOf(stages: readonly StageForecast[]): Estimate {
  const winStages = withKey(stages, 'win-rate');
  if (winStages.length > 0) return sum(winStages.map((stage) => stage.inflow));
  const demoStages = withKey(stages, 'demo-to-opportunity');
  if (demoStages.length > 0) return sum(demoStages.map((stage) => stage.outflow));
  return unknown(MESSAGES.noOpportunityStage());
}

/**
 * Opportunities × win rate, summed over the win-rate stages so that parallel opportunity stages
 * each count with their own win rate (a close carrying the win rate still uses it here). With no
 * win-rate stage, the motion's win rate applies to the opportunities counted from demo stages.
 */
function velocityOf(flow: Flow, economics: DealEconomics, opportunities: Estimate): Estimate {
  const wins: Estimate[] = [];
  flow.pipeline.stages.forEach((stage, i) => {
    if (stage.rateKey === 'win-rate') wins.push(multiply(flow.stages[i]!.inflow, stage.rate));
  });
  const motionWinRate = economics.motion ? metricValue(economics.motion, 'win-rate') : undefined;
  if (wins.length === 0 && motionWinRate !== undefined) {
    wins.push(multiply(opportunities, known(motionWinRate)));
  }
  if (wins.length === 0) return unknown(MESSAGES.noWinRateStage());
  const perMonth = multiply(sum(wins), economics.acv);
  return divide(perMonth, economics.salesCycleDays, MESSAGES.zeroCycle());
}

function collectUnknowns(
  channels: readonly ChannelForecast[],
  stages: readonly StageForecast[],
  totals: ForecastTotals,
): string[] {
  const reasons = new Set<string>();
  const note = (estimate: Estimate) => {
    if (!isKnown(estimate)) reasons.add(estimate.unknown);
  };
  for (const c of channels) {
    note(c.leads);
    note(c.won);
    note(c.spendPerMonth);
    note(c.cac);
  }
  for (const s of stages) {
    note(s.inflow);
    note(s.outflow);
  }
  Object.values(totals).forEach(note);
  return [...reasons];
}
