import { appendAll } from '../model/arrays';
import { METRIC_LABEL } from '../model/metrics';
import {
  forecastDiagram,
  forecastPeriods,
  goalSeek,
  pipelineCoverage,
  formatCount,
  formatDays,
  formatEstimate,
  formatMoney,
  formatPercent,
  isKnown,
  sensitivity,
  unsourcedMetrics,
  type Estimate,
  type Forecast,
  type GoalSeek,
  type Sensitivity,
  type UnsourcedMetric,
} from '../forecast';
import type { ForecastPeriods, PipelineCoverage } from '../forecast';
import type { Diagram } from '../model/schema';
import { EXIT, UsageError, parseArgs, readDiagram, writeOutput, type CliIo } from './io';
import { toTerminalLine } from './terminal-text';

export const FORECAST_FORMATS = ['text', 'json'] as const;
type ForecastFormat = (typeof FORECAST_FORMATS)[number];

const DRIVERS_SHOWN = 5;

/** `gtm-blueprint forecast <file.json|-> [--format text|json] [--target <new ARR a month>]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, {
    format: { values: FORECAST_FORMATS },
    target: {},
  });
  if (positionals.length !== 1) throw new UsageError('forecast takes exactly one input file');
  const target = flags.target === undefined ? undefined : parseTarget(flags.target);
  const read = await readDiagram(positionals[0] as string, io);
  if (!read.ok) return EXIT.usage;
  const format = (flags.format ?? 'text') as ForecastFormat;
  await writeOutput(render(read.diagram, format, target), undefined, io);
  return EXIT.ok;
}

/** The new ARR a month to reach: a plain positive amount in the diagram's currency. */
function parseTarget(text: string): number {
  const value = Number(text.replace(/[,_]/g, ''));
  if (!Number.isFinite(value) || value <= 0 || value > 1e15) {
    throw new UsageError('--target must be the new ARR to reach per month, such as 100000');
  }
  return value;
}

function render(diagram: Diagram, format: ForecastFormat, target: number | undefined): string {
  const forecast = forecastDiagram(diagram);
  const drivers = sensitivity(diagram);
  const periods = forecastPeriods(forecast);
  const coverage = pipelineCoverage(forecast, target);
  const seek = target === undefined ? undefined : goalSeek(diagram, target);
  if (format === 'json') {
    return JSON.stringify(
      {
        ...forecast,
        sensitivity: drivers,
        periods,
        coverage,
        ...(seek ? { goalSeek: seek } : {}),
      },
      null,
      2,
    );
  }
  return toText(
    diagram.name,
    forecast,
    drivers,
    unsourcedMetrics(diagram),
    periods,
    coverage,
    seek,
  );
}

/** An unknown figure prints as "?"; its reason is listed once under Unknowns. */
function toText(
  name: string,
  forecast: Forecast,
  drivers: Sensitivity,
  unsourced: readonly UnsourcedMetric[],
  periods: ForecastPeriods,
  coverage: PipelineCoverage,
  seek: GoalSeek | undefined,
): string {
  const money = (value: number) => formatMoney(value, forecast.currency);
  const show = (estimate: Estimate | null, format: (value: number) => string) =>
    estimate ? formatEstimate(estimate, format) : '';
  const out: string[] = [
    `Forecast for "${toTerminalLine(name)}" (per month, ${forecast.currency})`,
    '',
  ];

  out.push('Channels');
  if (forecast.channels.length === 0) out.push('  (none)');
  else {
    const rows = [['', 'Volume', 'Conversion', 'Leads', 'Won', 'Spend', 'CAC / won deal']];
    for (const c of forecast.channels) {
      rows.push([
        toTerminalLine(c.title),
        show(c.volumePerMonth, formatCount),
        show(c.conversion, formatPercent),
        show(c.leads, formatCount),
        show(c.won, formatCount),
        show(c.spendPerMonth, money),
        show(c.cac, money),
      ]);
    }
    appendAll(out, table(rows, 'lrrrrrr'));
  }

  out.push('', 'Stages');
  if (forecast.stages.length === 0) out.push('  (none)');
  else {
    const rows = [['', 'Rate', '', 'In', 'Out']];
    for (const s of forecast.stages) {
      rows.push([
        toTerminalLine(s.title),
        s.isClose ? 'close' : s.rateKey ? METRIC_LABEL[s.rateKey] : 'no rate',
        show(s.rate, formatPercent),
        show(s.inflow, formatCount),
        show(s.outflow, formatCount),
      ]);
    }
    appendAll(out, table(rows, 'llrrr'));
  }

  const { totals } = forecast;
  const cycle = isKnown(forecast.salesCycleDays)
    ? ` over a ${formatCount(forecast.salesCycleDays.value)}-day sales cycle`
    : '';
  out.push('', 'Totals');
  const rows = [['', 'Per month', 'Per quarter', 'Per year']];
  for (const row of periods.rows) {
    const format = row.money ? money : formatCount;
    rows.push([
      row.label,
      show(row.month, format),
      show(row.quarter, format),
      show(row.year, format),
    ]);
  }
  appendAll(out, table(rows, 'lrrr'));
  appendAll(
    out,
    table(
      [
        ['ACV', `${show(forecast.acv, money)} per deal a year`],
        ['Sales velocity', `${show(totals.salesVelocity, money)} / day${cycle}`],
        ['Pipeline coverage', coverageText(coverage, money, seek !== undefined)],
      ],
      'll',
    ),
  );

  if (seek) appendAll(out, goalSeekText(seek, money));

  if (forecast.unknowns.length > 0) {
    out.push('', 'Unknowns (shown as ?)');
    for (const reason of forecast.unknowns) out.push(`  ${toTerminalLine(reason)}`);
  }
  if (forecast.notes.length > 0) {
    out.push('', 'Notes');
    for (const note of forecast.notes) out.push(`  ${toTerminalLine(note)}`);
  }

  if (drivers.drivers.length > 0) {
    out.push('', `What moves new ARR most (each input ±${formatPercent(drivers.delta)})`);
    appendAll(
      out,
      table(
        drivers.drivers
          .slice(0, DRIVERS_SHOWN)
          .map((d) => [
            toTerminalLine(d.label),
            `${money(d.arrLow)} – ${money(d.arrHigh)} / month`,
          ]),
        'll',
      ),
    );
    if (drivers.explanation) out.push(`  ${drivers.explanation}`);
  }
  if (unsourced.length > 0) {
    out.push('', 'Assumptions (metrics with no source)');
    for (const m of unsourced) {
      out.push(`  ${toTerminalLine(m.nodeTitle)}: ${METRIC_LABEL[m.key]} ${metricText(m)}`);
    }
  }
  return out.join('\n');
}

function coverageText(
  coverage: PipelineCoverage,
  money: (value: number) => string,
  againstTarget: boolean,
): string {
  const value = formatEstimate(coverage.pipelineValue, money);
  const times = isKnown(coverage.coverage) ? `${formatCount(coverage.coverage.value)}×` : '?';
  const against = againstTarget ? 'the target' : 'the new ARR it wins';
  return `${times} (${value} of opportunities / month against ${against})`;
}

function goalSeekText(seek: GoalSeek, money: (value: number) => string): string[] {
  const out = [
    '',
    `To reach ${money(seek.target)} new ARR / month (now ${formatEstimate(seek.current, money)})`,
  ];
  const rows: string[][] = [
    ['Every channel together', `volume × ${formatEstimate(seek.scale, formatCount)}`],
  ];
  for (const channel of seek.channels) {
    const per = channel.period ? ` / ${channel.period}` : '';
    rows.push([
      `${toTerminalLine(channel.title)} alone`,
      `${formatEstimate(channel.needed, formatCount)}${per} (now ${formatEstimate(channel.volume, formatCount)}${per})`,
    ]);
  }
  appendAll(out, table(rows, 'll'));
  const reasons = new Set<string>();
  for (const estimate of [seek.scale, ...seek.channels.map((c) => c.needed)]) {
    if (!isKnown(estimate)) reasons.add(estimate.unknown);
  }
  for (const reason of reasons) out.push(`  ? ${toTerminalLine(reason)}`);
  return out;
}

function metricText(metric: UnsourcedMetric): string {
  return metric.key === 'sales-cycle-days' ? formatDays(metric.value) : formatPercent(metric.value);
}

/** Columns padded to their widest cell; `align` holds one 'l' or 'r' per column. */
function table(rows: readonly (readonly string[])[], align: string): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, i) =>
          align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
  );
}
