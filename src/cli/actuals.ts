import type { ActualsReport } from '../actuals/compute-actuals';
import { dayOf, parseIsoDay } from '../actuals/dates';
import { figuresFor } from '../actuals/import-deals';
import { MAX_CSV_BYTES } from '../actuals/limits';
import { stat } from 'node:fs/promises';
import { readCsv } from '../actuals/csv-reader';
import { readDeals } from '../actuals/read-deals';
import { applyMapPairs, suggestStageMap } from '../actuals/stage-mapping';
import { formatMoney, formatPercent } from '../forecast/format';
import { toDisplayLine } from '../model/display-text';
import {
  EXIT,
  UsageError,
  parseArgs,
  readDiagram,
  readFileLimited,
  writeOutput,
  type CliIo,
} from './io';

export const ACTUALS_FORMATS = ['text', 'json'] as const;
type ActualsFormat = (typeof ACTUALS_FORMATS)[number];

/**
 * `gtm-blueprint actuals <diagram.json> <deals.csv> [--as-of YYYY-MM-DD]
 * [--map "CRM stage=Diagram stage"]… [--format text|json]`: the plan-vs-actual figures of a
 * CRM deals export, per stage of the diagram. Reads only; the diagram file is not changed.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { maps, rest } = takeMaps(args);
  const { positionals, flags } = parseArgs(rest, {
    format: { values: ACTUALS_FORMATS },
    'as-of': {},
  });
  if (positionals.length !== 2) {
    throw new UsageError('actuals takes a diagram file and a deals CSV file');
  }
  const [diagramPath, csvPath] = positionals as [string, string];
  let asOf = dayOf(new Date());
  if (flags['as-of'] !== undefined) {
    const day = parseIsoDay(flags['as-of']);
    if (day === null) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
    asOf = day;
  }
  const read = await readDiagram(diagramPath, io);
  if (!read.ok) return EXIT.usage;
  const diagram = read.diagram;
  if (csvPath === '-') throw new UsageError('the deals file must be a file, not standard input');
  // Refused by its size before it is read, naming the deals limit (not the diagram's 5 MB).
  const size = await stat(csvPath).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
  if (size !== undefined && size > MAX_CSV_BYTES) {
    const check = readCsv('', { bytes: size });
    if (!check.ok) return refuse(io, csvPath, check.problem);
  }
  const text = await readFileLimited(csvPath, MAX_CSV_BYTES);

  // The stage mapping: saved in the diagram, then titles and won/lost, then --map on top.
  const csv = readCsv(text);
  if (!csv.ok) return refuse(io, csvPath, csv.problem);
  const deals = readDeals(csv.table);
  if (!deals.ok) return refuse(io, csvPath, deals.problem);
  const suggested = suggestStageMap(deals.deals.crmStages, diagram).map;
  const mapped = applyMapPairs(suggested, maps, diagram);
  if (!mapped.ok) throw new UsageError(mapped.message);
  const result = figuresFor(deals.deals, diagram, asOf, mapped.map);
  const format = (flags.format ?? 'text') as ActualsFormat;
  const notes = [
    ...result.deals.notes,
    ...cellNotes('date', result.deals.badDates),
    ...cellNotes('amount', result.deals.badAmounts),
  ];
  const output =
    format === 'json'
      ? JSON.stringify(toJson(result.report, result.unmatched, notes), null, 2)
      : toText(
          diagram.name,
          currencyOf(diagram.meta.currency),
          result.report,
          result.unmatched,
          notes,
        );
  await writeOutput(output, undefined, io);
  return EXIT.ok;
}

/** `--map` may be given many times; the shared parser keeps one value per flag. */
function takeMaps(args: readonly string[]): { maps: string[]; rest: string[] } {
  const maps: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--map') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--map needs a value');
      maps.push(value);
    } else if (arg.startsWith('--map=')) maps.push(arg.slice('--map='.length));
    else rest.push(arg);
  }
  return { maps, rest };
}

function refuse(
  io: CliIo,
  path: string,
  problem: { message: string; row?: number; column?: string },
): number {
  const where = [
    problem.row === undefined ? '' : `row ${problem.row}`,
    problem.column === undefined ? '' : `column "${toDisplayLine(problem.column)}"`,
  ]
    .filter(Boolean)
    .join(', ');
  io.stderr(`gtm-blueprint: ${path}${where ? ` (${where})` : ''}: ${problem.message}\n`);
  return EXIT.usage;
}

function cellNotes(
  what: string,
  issues: { count: number; listed: readonly { row: number; column: string; value: string }[] },
): string[] {
  if (issues.count === 0) return [];
  return [
    `${issues.count} ${what}${issues.count === 1 ? '' : 's'} could not be read and ${issues.count === 1 ? 'was' : 'were'} left out:`,
    ...issues.listed.map(
      (c) => `  row ${c.row}, column "${toDisplayLine(c.column)}": "${toDisplayLine(c.value)}"`,
    ),
    ...(issues.count > issues.listed.length
      ? [`  …and ${issues.count - issues.listed.length} more.`]
      : []),
  ];
}

function currencyOf(code: string | undefined): string {
  return code ?? 'USD';
}

function toJson(report: ActualsReport, unmatched: readonly string[], notes: readonly string[]) {
  return {
    asOf: report.asOf,
    source: report.source,
    deals: report.deals,
    won: report.won,
    lost: report.lost,
    open: report.open,
    ignored: report.ignored,
    stages: report.stages.map((s) => ({
      stageId: s.stageId,
      title: s.title,
      reached: s.reached,
      converted: s.converted,
      resolved: s.resolved,
      actual: s.actual,
      plan: s.plan,
      drift: s.drift,
      tooFew: s.tooFew,
      open: s.open,
      stuck: s.stuck,
    })),
    winRate: report.winRate,
    salesCycleDays: report.salesCycleDays,
    acv: report.acv,
    stuck: report.stuck,
    unmatched,
    notes,
  };
}

function toText(
  name: string,
  currency: string,
  report: ActualsReport,
  unmatched: readonly string[],
  notes: readonly string[],
): string {
  const pct = (value: number | null) => (value === null ? '–' : formatPercent(value));
  const out = [
    `Plan vs actual for "${toDisplayLine(name)}" (${report.source}, as of ${report.asOf})`,
    '',
    `${report.deals} deals: ${report.won} won, ${report.lost} lost, ${report.open} open${report.ignored ? `, ${report.ignored} not mapped to the pipeline` : ''}.`,
    '',
    ...table(
      [
        ['Stage', 'Reached', 'Converted', 'Actual', 'Plan', 'Drift', ''],
        ...report.stages.map((s) => [
          toDisplayLine(s.title),
          String(s.reached),
          s.isClose ? '' : `${s.converted} of ${s.resolved}`,
          s.isClose ? 'close' : pct(s.actual),
          pct(s.plan),
          s.drift === null ? '' : `${s.drift > 0 ? '+' : ''}${formatPercent(s.drift)}`,
          s.isClose ? '' : s.tooFew ? `too few deals to judge (under ${report.minDeals})` : '',
        ]),
      ],
      'lrrrrrl',
    ),
    '',
    `Win rate        ${pct(report.winRate)}`,
    `Sales cycle     ${report.salesCycleDays === null ? '–' : `${report.salesCycleDays} days (median of won deals)`}`,
    `ACV             ${report.acv === null ? '–' : `${formatMoney(report.acv, currency)} (mean of won deals)`}`,
  ];
  const titles = new Map(report.stages.map((s) => [s.stageId, s.title]));
  if (report.stuck.length > 0) {
    out.push('', 'Stuck deals (open past the stage’s maximum days)');
    out.push(
      ...table(
        report.stuck.map((d) => [
          // Deal names are text from the file: shown on one line, control characters removed.
          toDisplayLine(d.name) || `Row ${d.row}`,
          toDisplayLine(titles.get(d.stageId) ?? ''),
          `${d.days} days (max ${d.maxDays})`,
          d.amount === null ? '' : formatMoney(d.amount, currency),
          `row ${d.row}`,
        ]),
        'llrrr',
      ),
    );
  }
  if (unmatched.length > 0) {
    out.push(
      '',
      `CRM stages not mapped to the diagram (use --map "CRM stage=Diagram stage"): ${unmatched.map((s) => `"${toDisplayLine(s)}"`).join(', ')}`,
    );
  }
  if (notes.length > 0) out.push('', 'Notes', ...notes.map((n) => `  ${n}`));
  return out.join('\n');
}

/** Columns padded to their widest cell; `align` holds one 'l' or 'r' per column. */
function table(rows: readonly (readonly string[])[], align: string): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
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
