import type { Diagram } from '../model/schema';
import type { ActualsReport } from './compute-actuals';
import type { CsvProblem } from './csv-reader';
import { readCsv } from './csv-reader';
import type { DayOrder } from './dates';
import { figuresFor } from './import-deals';
import { MAX_CSV_BYTES } from './limits';
import type { ColumnMapping, PresetId } from './presets';
import { readDeals, type CellIssues, type DealTable } from './read-deals';
import type { StageMap } from './stage-mapping';

/** What the page asks the deals worker. `read` takes the file; `figures` reuses the deals read. */
export type DealsRequest =
  | {
      readonly kind: 'read';
      readonly id: number;
      /** A File from a picker or a drop (read inside the worker), or text (tests, benches). */
      readonly file: Blob | string;
      readonly diagram: Diagram;
      readonly asOf: number;
      readonly mapping?: ColumnMapping;
      readonly dayOrder?: DayOrder;
      readonly stageMap?: StageMap;
    }
  | {
      readonly kind: 'figures';
      readonly id: number;
      readonly diagram: Diagram;
      readonly asOf: number;
      readonly stageMap?: StageMap;
    }
  | { readonly kind: 'forget'; readonly id: number };

/** What the deals say, without the deals: the page never holds 100,000 rows. */
export interface DealsSummary {
  readonly preset: PresetId;
  readonly mapping: ColumnMapping;
  readonly deals: number;
  readonly crmStages: readonly string[];
  readonly badDates: CellIssues;
  readonly badAmounts: CellIssues;
  readonly notes: readonly string[];
}

export type DealsReply =
  | {
      readonly kind: 'figures';
      readonly id: number;
      readonly summary: DealsSummary;
      readonly stageMap: StageMap;
      readonly unmatched: readonly string[];
      readonly report: ActualsReport;
      /** Time spent in the worker, for the bench. */
      readonly ms: number;
    }
  | {
      readonly kind: 'refused';
      readonly id: number;
      readonly problem: CsvProblem;
      /** No preset fits: the header, for the column mapping step. */
      readonly header?: readonly string[];
    };

/**
 * The worker's side of the exchange, without the worker: keeps the last file's deals in
 * memory (they never leave the browser, nor this worker) and answers each request. Never
 * throws: a failure is a `refused` reply the page shows as is.
 */
export function createDealsSession(
  clock: () => number = () => performance.now(),
): (request: DealsRequest) => Promise<DealsReply | null> {
  let deals: DealTable | null = null;
  return async (request) => {
    const started = clock();
    try {
      if (request.kind === 'forget') {
        deals = null;
        return null;
      }
      if (request.kind === 'read') {
        const file = request.file;
        const bytes = typeof file === 'string' ? undefined : file.size;
        // Refused by its size before a byte is read.
        if (bytes !== undefined && bytes > MAX_CSV_BYTES) {
          const refused = readCsv('', { bytes });
          if (!refused.ok) return { kind: 'refused', id: request.id, problem: refused.problem };
        }
        const text = typeof file === 'string' ? file : await file.text();
        const csv = readCsv(text, bytes === undefined ? {} : { bytes });
        if (!csv.ok) return { kind: 'refused', id: request.id, problem: csv.problem };
        const read = readDeals(csv.table, {
          ...(request.mapping ? { mapping: request.mapping } : {}),
          ...(request.dayOrder ? { dayOrder: request.dayOrder } : {}),
        });
        if (!read.ok) {
          return read.needsMapping
            ? { kind: 'refused', id: request.id, problem: read.problem, header: csv.table.header }
            : { kind: 'refused', id: request.id, problem: read.problem };
        }
        deals = read.deals;
      }
      if (!deals) {
        return {
          kind: 'refused',
          id: request.id,
          problem: { message: 'No deals are loaded: import a deals export first.' },
        };
      }
      const result = figuresFor(deals, request.diagram, request.asOf, request.stageMap);
      return {
        kind: 'figures',
        id: request.id,
        summary: summarize(deals),
        stageMap: result.stageMap,
        unmatched: result.unmatched,
        report: result.report,
        ms: clock() - started,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        kind: 'refused',
        id: request.id,
        problem: { message: `The file could not be read (${reason}).` },
      };
    }
  };
}

function summarize(deals: DealTable): DealsSummary {
  return {
    preset: deals.preset,
    mapping: deals.mapping,
    deals: deals.deals.length,
    crmStages: deals.crmStages,
    badDates: deals.badDates,
    badAmounts: deals.badAmounts,
    notes: deals.notes,
  };
}
