import type { ActualsReport } from '../../actuals/compute-actuals';
import type { CsvProblem } from '../../actuals/csv-reader';
import type { DayOrder } from '../../actuals/dates';
import type { DealsReply, DealsSummary } from '../../actuals/deals-worker-session';
import type { ColumnMapping } from '../../actuals/presets';
import type { StageMap } from '../../actuals/stage-mapping';
import type { SliceCreator } from '../editor-store';
import { createDealsWorker, type DealsWorker } from './deals-worker-client';

/**
 * The figures of the deals export in use. The deals themselves stay in the worker (in memory,
 * never uploaded, gone with the tab); the page holds only what they add up to.
 */
export type DealsFigures =
  | { readonly status: 'idle' }
  | {
      readonly status: 'ready';
      readonly fileName: string;
      readonly summary: DealsSummary;
      readonly report: ActualsReport;
      /** The mapping the figures use (saved in the diagram once applied). */
      readonly stageMap: StageMap;
      readonly unmatched: readonly string[];
      /** How long the worker took to read the file and compute the figures. */
      readonly workerMs: number;
    };

/**
 * A file on its way in. Until it is read and mapped, the figures in use (if any) stay as they
 * are: a refused or cancelled import changes nothing, neither the diagram nor the figures.
 */
export type DealsPending =
  | { readonly status: 'reading'; readonly fileName: string }
  | {
      /** No preset fits: the user says which column is which. */
      readonly status: 'needs-columns';
      readonly fileName: string;
      readonly file: Blob;
      readonly header: readonly string[];
      readonly problem: CsvProblem;
    }
  | { readonly status: 'refused'; readonly fileName: string; readonly problem: CsvProblem };

export type DealsDialog = 'columns' | 'stages' | 'refused' | null;
export type ForecastBasis = 'plan' | 'actual' | 'both';

export interface DealsSlice {
  deals: DealsFigures;
  dealsPending: DealsPending | null;
  dealsDialog: DealsDialog;
  forecastBasis: ForecastBasis;
  /** The stuck deal whose stage checklist the Deals panel shows (its row in the file). */
  focusedDeal: number | null;

  /** Reads a deals export in the worker; the diagram is not touched, whatever the file holds. */
  importDeals(file: Blob, fileName?: string): Promise<void>;
  /** Reads the pending file again with the user's column mapping. */
  mapDealColumns(mapping: ColumnMapping, dayOrder?: DayOrder): Promise<void>;
  /** Drops the pending file (a cancelled mapping, a refusal read); the figures in use stay. */
  dismissDealsImport(): void;
  /** Saves the stage mapping with the diagram (one undo step) and recomputes the figures. */
  applyStageMap(stageMap: StageMap): Promise<void>;
  /** Recomputes the figures for the diagram as it is now (a stage added, a rate changed). */
  refreshDeals(): Promise<void>;
  /** Forgets the imported deals, here and in the worker. */
  forgetDeals(): void;
  openDealsDialog(dialog: DealsDialog): void;
  setForecastBasis(basis: ForecastBasis): void;
  focusDeal(row: number | null): void;
}

function today(): number {
  return Math.floor(Date.now() / 86_400_000);
}

function todayText(): string {
  return new Date().toISOString().slice(0, 10);
}

export const createDealsSlice: SliceCreator<DealsSlice> = (set, get) => {
  let worker: DealsWorker | undefined;
  const request: DealsWorker['request'] = (message) =>
    (worker ??= createDealsWorker()).request(message);

  const settle = (reply: DealsReply | null, fileName: string, file: Blob) => {
    if (!reply) return;
    if (reply.kind === 'figures') {
      set({
        deals: {
          status: 'ready',
          fileName,
          summary: reply.summary,
          report: reply.report,
          stageMap: reply.stageMap,
          unmatched: reply.unmatched,
          workerMs: reply.ms,
        },
        dealsPending: null,
        dealsDialog: 'stages',
        focusedDeal: null,
      });
    } else if (reply.header) {
      set({
        dealsPending: {
          status: 'needs-columns',
          fileName,
          file,
          header: reply.header,
          problem: reply.problem,
        },
        dealsDialog: 'columns',
      });
    } else {
      set({
        dealsPending: { status: 'refused', fileName, problem: reply.problem },
        dealsDialog: 'refused',
      });
    }
  };

  const read = async (
    file: Blob,
    fileName: string,
    mapping?: ColumnMapping,
    dayOrder?: DayOrder,
  ) => {
    set({ dealsPending: { status: 'reading', fileName }, dealsDialog: null });
    const reply = await request({
      kind: 'read',
      file,
      diagram: get().diagram,
      asOf: today(),
      ...(mapping ? { mapping } : {}),
      ...(dayOrder ? { dayOrder } : {}),
    });
    settle(reply, fileName, file);
  };

  const refresh = async (stageMap?: StageMap): Promise<void> => {
    const current = get().deals;
    if (current.status !== 'ready') return;
    const diagram = get().diagram;
    const map = stageMap ?? diagram.actuals?.stageMap ?? current.stageMap;
    const reply = await request({ kind: 'figures', diagram, asOf: today(), stageMap: map });
    const now = get().deals;
    if (!reply || reply.kind !== 'figures' || now.status !== 'ready') return;
    set({
      deals: {
        ...now,
        report: reply.report,
        stageMap: reply.stageMap,
        unmatched: reply.unmatched,
        summary: reply.summary,
      },
    });
  };

  return {
    deals: { status: 'idle' },
    dealsPending: null,
    dealsDialog: null,
    forecastBasis: 'plan',
    focusedDeal: null,

    importDeals(file, fileName = (file as File).name ?? 'deals.csv') {
      return read(file, fileName);
    },
    async mapDealColumns(mapping, dayOrder) {
      const pending = get().dealsPending;
      if (pending?.status !== 'needs-columns') return;
      await read(pending.file, pending.fileName, mapping, dayOrder);
    },
    dismissDealsImport() {
      set({ dealsPending: null, dealsDialog: null });
    },
    async applyStageMap(stageMap) {
      const current = get().deals;
      if (current.status !== 'ready') return;
      const source = current.report.source;
      get().applyTransform(
        (diagram) => ({
          ...diagram,
          actuals: { stageMap: { ...stageMap }, source, importedAt: todayText() },
        }),
        'map-crm-stages',
      );
      set({ dealsDialog: null });
      await refresh(stageMap);
    },
    refreshDeals: () => refresh(),
    forgetDeals() {
      if (get().deals.status !== 'idle') void request({ kind: 'forget' });
      set({
        deals: { status: 'idle' },
        dealsPending: null,
        dealsDialog: null,
        focusedDeal: null,
        forecastBasis: 'plan',
      });
    },
    openDealsDialog(dealsDialog) {
      set({ dealsDialog });
    },
    setForecastBasis(forecastBasis) {
      set({ forecastBasis });
    },
    focusDeal(focusedDeal) {
      set({ focusedDeal });
    },
  };
};
