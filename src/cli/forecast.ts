import { METRIC_LABEL } from '../model/metrics';
import {
  forecastDiagram,
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
  type Sensitivity,
  type UnsourcedMetric,
} from '../forecast';
import type { Diagram } from '../model/schema';
import { EXIT, UsageError, parseArgs, readDiagram, writeOutput, type CliIo } from './io';

export const FORECAST_FORMATS = ['text', 'json'] as const;
type ForecastFormat = (typeof FORECAST_FORMATS)[number];

const DRIVERS_SHOWN = 5;

/** `gtm-blueprint forecast <file.json|-> [--format text|json]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { format: { values: FORECAST_FORMATS } });
  if (positionals.length !== 1) throw new UsageError('forecast takes exactly one input file');
  const read = await readDiagram(positionals[0] as string, io);
  if (!read.ok) return EXIT.usage;
  const format = (flags.format ?? 'text') as ForecastFormat;
  await writeOutput(render(read.diagram, format), undefined, io);
  return EXIT.ok;
}

function render(diagram: Diagram, format: ForecastFormat): string {
  const forecast = forecastDiagram(diagram);
  const drivers = sensitivity(diagram);
  if (format === 'json') return JSON.stringify({ ...forecast, sensitivity: drivers }, null, 2);
  return toText(diagram.name, forecast, drivers, unsourcedMetrics(diagram));
}

/** An unknown figure prints as "?"; its reason is listed once under Unknowns. */
function toText(
  name: string,
  forecast: Forecast,
  drivers: Sensitivity,
  unsourced: readonly UnsourcedMetric[],
): string {
  const money = (value: number) => formatMoney(value, forecast.currency);
  const show = (estimate: Estimate | null, format: (value: number) => string) =>
    estimate ? formatEstimate(estimate, format) : '';
  const out: string[] = [`Forecast for "${name}" (per month, ${forecast.currency})`, ''];

  out.push('Channels');
  if (forecast.channels.length === 0) out.push('  (none)');
  else {
    out.push(
      ...table(
        [
          ['', 'Volume', 'Conversion', 'Leads', 'Won', 'Spend', 'CAC'],
          ...forecast.channels.map((c) => [
            c.title,
            show(c.volumePerMonth, formatCount),
            show(c.conversion, formatPercent),
            show(c.leads, formatCount),
            show(c.won, formatCount),
            show(c.spendPerMonth, money),
            show(c.cac, money),
          ]),
        ],
        'lrrrrrr',
      ),
    );
  }

  out.push('', 'Stages');
  if (forecast.stages.length === 0) out.push('  (none)');
  else {
    out.push(
      ...table(
        [
          ['', 'Rate', '', 'In', 'Out'],
          ...forecast.stages.map((s) => [
            s.title,
            s.isClose ? 'close' : s.rateKey ? METRIC_LABEL[s.rateKey] : 'no rate',
            show(s.rate, formatPercent),
            show(s.inflow, formatCount),
            show(s.outflow, formatCount),
          ]),
        ],
        'llrrr',
      ),
    );
  }

  const { totals } = forecast;
  const cycle = isKnown(forecast.salesCycleDays)
    ? ` over a ${formatCount(forecast.salesCycleDays.value)}-day sales cycle`
    : '';
  const acv = isKnown(forecast.acv) ? ` at an ACV of ${money(forecast.acv.value)}` : '';
  out.push(
    '',
    'Totals',
    ...table(
      [
        ['Leads', show(totals.leads, formatCount)],
        ['MQL', show(totals.mql, formatCount)],
        ['SQL', show(totals.sql, formatCount)],
        ['Opportunities', show(totals.opportunities, formatCount)],
        ['Won deals', show(totals.won, formatCount)],
        ['New ARR', `${show(totals.newArr, money)}${acv}`],
        ['Sales velocity', `${show(totals.salesVelocity, money)} per day${cycle}`],
      ],
      'll',
    ),
  );

  if (forecast.unknowns.length > 0) {
    out.push('', 'Unknowns (shown as ?)', ...forecast.unknowns.map((reason) => `  ${reason}`));
  }
  if (forecast.notes.length > 0) out.push('', 'Notes', ...forecast.notes.map((n) => `  ${n}`));

  if (drivers.drivers.length > 0) {
    out.push('', `What moves new ARR most (each input ±${formatPercent(drivers.delta)})`);
    out.push(
      ...table(
        drivers.drivers
          .slice(0, DRIVERS_SHOWN)
          .map((d) => [d.label, `${money(d.arrLow)} – ${money(d.arrHigh)}`]),
        'll',
      ),
    );
  }
  if (unsourced.length > 0) {
    out.push('', 'Assumptions (metrics with no source)');
    out.push(...unsourced.map((m) => `  ${m.nodeTitle}: ${METRIC_LABEL[m.key]} ${metricText(m)}`));
  }
  return out.join('\n');
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
