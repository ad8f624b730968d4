import type { Diagram } from '../model/schema';
import { computeActuals, type ActualsReport } from './compute-actuals';
import { readCsv, type CsvProblem } from './csv-reader';
import type { DayOrder } from './dates';
import { presetById, type ColumnMapping } from './presets';
import { readDeals, type DealTable } from './read-deals';
import { stageKey, suggestStageMap, type StageMap } from './stage-mapping';

interface ImportOptions {
  readonly mapping?: ColumnMapping;
  readonly dayOrder?: DayOrder;
  /** The stage mapping to use; the diagram's saved one, then title matches, when absent. */
  readonly stageMap?: StageMap;
  readonly asOf: number;
  readonly bytes?: number;
}

type ImportResult =
  | {
      readonly ok: true;
      readonly deals: DealTable;
      readonly stageMap: StageMap;
      /** CRM stages neither the saved mapping, a card title nor won/lost matched. */
      readonly unmatched: readonly string[];
      readonly report: ActualsReport;
    }
  | {
      readonly ok: false;
      readonly problem: CsvProblem;
      readonly needsMapping?: boolean;
      /** The header, so the mapping step can offer its columns. */
      readonly header?: readonly string[];
    };

/** CSV text to figures, the whole way: the worker and the CLI both run this. */
export function importDeals(text: string, diagram: Diagram, options: ImportOptions): ImportResult {
  const csv = readCsv(text, options.bytes === undefined ? {} : { bytes: options.bytes });
  if (!csv.ok) return csv;
  const read = readDeals(csv.table, {
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.dayOrder ? { dayOrder: options.dayOrder } : {}),
  });
  if (!read.ok) {
    return read.needsMapping
      ? { ok: false, problem: read.problem, needsMapping: true, header: csv.table.header }
      : { ok: false, problem: read.problem };
  }
  return figuresFor(read.deals, diagram, options.asOf, options.stageMap);
}

/** Figures for deals already read, e.g. after the user edits the stage mapping. */
export function figuresFor(
  deals: DealTable,
  diagram: Diagram,
  asOf: number,
  stageMap?: StageMap,
): Extract<ImportResult, { ok: true }> {
  const suggestion = suggestStageMap(deals.crmStages, diagram);
  const map = stageMap ?? suggestion.map;
  const mapped = new Set(Object.keys(map).map(stageKey));
  const unmatched = deals.crmStages.filter((name) => !mapped.has(stageKey(name)));
  const report = computeActuals(deals, diagram, map, asOf, sourceLabel(deals));
  return { ok: true, deals, stageMap: map, unmatched, report };
}

/** "HubSpot export", or "CRM export" for a file read through the generic mapping. */
function sourceLabel(deals: DealTable): string {
  const crm = deals.preset === 'generic' ? 'CRM' : (presetById(deals.preset)?.label ?? 'CRM');
  return `${crm} export`;
}
