import { parseAmount } from './amounts';
import type { CsvProblem, CsvTable } from './csv-reader';
import { isSlashedDate, parseDay, provenDayOrder, type DayOrder } from './dates';
import { MAX_LISTED_CELLS } from './limits';
import { detectPreset, stageOfDateColumn, type ColumnMapping, type PresetId } from './presets';
import { stageKey } from './stage-mapping';

export type Outcome = 'open' | 'won' | 'lost';

/** One deal of the export, as read: text kept as text, dates as calendar days. */
export interface Deal {
  /** Its row in the file (the header is row 1), for every message about it. */
  readonly row: number;
  readonly name: string;
  /** The CRM stage as the export writes it. */
  readonly stage: string;
  /** From a status or won/closed column; null when only the stage tells (mapped to @won…). */
  readonly outcome: Outcome | null;
  readonly created: number | null;
  readonly closed: number | null;
  readonly amount: number | null;
  /** Day the deal entered each of `DealTable.stageDates`' stages, null where blank. */
  readonly entered: readonly (number | null)[];
}

/** A cell that could not be read, where it is and what it held. */
interface CellIssue {
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

export interface CellIssues {
  readonly count: number;
  /** The first few, by row; `count` has them all. */
  readonly listed: readonly CellIssue[];
}

export interface DealTable {
  readonly preset: PresetId;
  readonly mapping: ColumnMapping;
  readonly deals: readonly Deal[];
  /** Distinct CRM stages (current stages and stage-date columns), first seen first. */
  readonly crmStages: readonly string[];
  /** Stage-date columns: the column and the CRM stage it dates. */
  readonly stageDates: readonly { readonly column: string; readonly stage: string }[];
  readonly dayOrder: DayOrder;
  readonly badDates: CellIssues;
  readonly badAmounts: CellIssues;
  /** Things the user should know that did not stop the import, as sentences. */
  readonly notes: readonly string[];
}

type ReadDealsResult =
  | { readonly ok: true; readonly deals: DealTable }
  | { readonly ok: false; readonly problem: CsvProblem; readonly needsMapping?: boolean };

interface ReadDealsOptions {
  /** A mapping chosen by the user; without one a preset is detected. */
  readonly mapping?: ColumnMapping;
  readonly dayOrder?: DayOrder;
}

const TRUE = new Set(['true', 'yes', '1', 'y', 'x']);
const CACHE_LIMIT = 50_000;

/**
 * Turns a CSV table into deals: finds the preset (or uses the given mapping), reads dates and
 * amounts, and collects every unreadable cell with its row and column. A deal with a bad date
 * keeps the rest of its data; the date is left out, never guessed.
 */
export function readDeals(table: CsvTable, options: ReadDealsOptions = {}): ReadDealsResult {
  const preset = options.mapping ? undefined : detectPreset(table.header);
  const mapping = options.mapping ?? preset?.columns;
  if (!mapping) {
    return {
      ok: false,
      needsMapping: true,
      problem: {
        message:
          'The columns do not match a HubSpot, Salesforce or Pipedrive export: choose which column holds the stage, dates and amount.',
        row: 1,
      },
    };
  }
  const index = columnIndex(table.header);
  const col = (name: string | undefined) =>
    name === undefined ? -1 : (index.get(name.toLowerCase()) ?? -1);
  const stageCol = col(mapping.stage);
  if (stageCol < 0) {
    return {
      ok: false,
      needsMapping: true,
      problem: {
        message: `No stage column: row 1 has no column "${mapping.stage}". Choose the column that holds each deal's stage.`,
        row: 1,
        column: mapping.stage,
      },
    };
  }
  if (table.rows.length === 0) {
    return {
      ok: false,
      problem: { message: 'The file has a header row but no deals below it.', row: 2 },
    };
  }
  const nameCol = col(mapping.name);
  const createdCol = col(mapping.created);
  const closedCol = col(mapping.closed);
  const amountCol = col(mapping.amount);
  const statusCol = col(mapping.status);
  const wonCol = col(mapping.wonFlag);
  const closedFlagCol = col(mapping.closedFlag);
  const stageDates = table.header
    .map((column, i) => ({ column, stage: stageOfDateColumn(column), i }))
    .filter((c): c is { column: string; stage: string; i: number } => c.stage !== undefined);

  const dateCols = [createdCol, closedCol, ...stageDates.map((c) => c.i)].filter((c) => c >= 0);
  const slashed = slashedDates(table.rows, dateCols);
  const proven = provenDayOrder(slashed);
  const fallback = options.dayOrder ?? preset?.dayOrder ?? 'mdy';
  const dayOrder = proven === 'dmy' || proven === 'mdy' ? proven : fallback;
  const notes: string[] = [];
  if (proven === undefined && slashed.length > 0) {
    notes.push(
      `Dates such as 03/04/2026 were read ${dayOrder === 'mdy' ? 'month first (US style)' : 'day first'}: no date in the file tells the order.`,
    );
  }

  const badDates = issueList();
  const badAmounts = issueList();
  const crmStages = new Map<string, string>();
  const seenStages = new Set<string>();
  const addStage = (name: string) => {
    // Exports hold a handful of stage names over thousands of rows: each is keyed once.
    if (seenStages.has(name)) return;
    seenStages.add(name);
    const key = stageKey(name);
    if (key !== '' && !crmStages.has(key))
      crmStages.set(key, name.replace(/\s*\([^()]*\)\s*$/, '').trim());
  };
  // Dates and amounts repeat across rows (a few hundred days, a few price points): each
  // distinct text is read once. Bounded, so a file of all-different values cannot grow it.
  const dayCache = new Map<string, number | null>();
  const amountCache = new Map<string, number | null>();
  const readDate = (cells: readonly string[], c: number, row: number): number | null => {
    if (c < 0) return null;
    const text = (cells[c] ?? '').trim();
    if (text === '') return null;
    let day = dayCache.get(text);
    if (day === undefined) {
      day = parseDay(text, dayOrder);
      if (dayCache.size < CACHE_LIMIT) dayCache.set(text, day);
    }
    // Two orders proven in one file: a slashed date is ambiguous, so it is reported, not read.
    if (day === null || (proven === 'mixed' && isSlashedDate(text))) {
      badDates.add({ row, column: table.header[c] ?? '', value: text });
      return null;
    }
    return day;
  };

  const deals: Deal[] = [];
  let blankStages = 0;
  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r] as readonly string[];
    const row = r + 2;
    const stage = (cells[stageCol] ?? '').trim();
    if (stage === '') {
      blankStages++;
      continue;
    }
    addStage(stage);
    let amount: number | null = null;
    if (amountCol >= 0) {
      const text = (cells[amountCol] ?? '').trim();
      if (text !== '') {
        let cached = amountCache.get(text);
        if (cached === undefined) {
          cached = parseAmount(text);
          if (amountCache.size < CACHE_LIMIT) amountCache.set(text, cached);
        }
        amount = cached;
        if (amount === null)
          badAmounts.add({ row, column: table.header[amountCol] ?? '', value: text });
      }
    }
    deals.push({
      row,
      name: nameCol >= 0 ? (cells[nameCol] ?? '').trim() : `Row ${row}`,
      stage,
      outcome: outcomeOf(cells, statusCol, wonCol, closedFlagCol),
      created: readDate(cells, createdCol, row),
      closed: readDate(cells, closedCol, row),
      amount,
      entered: stageDates.map((c) => readDate(cells, c.i, row)),
    });
  }
  for (const c of stageDates) addStage(c.stage);
  if (deals.length === 0) {
    return {
      ok: false,
      problem: {
        message: `Every row's stage is blank in column "${table.header[stageCol]}": there are no deals to read.`,
        row: 2,
        column: table.header[stageCol] ?? mapping.stage,
      },
    };
  }
  if (blankStages > 0) {
    notes.push(
      `${blankStages} row${blankStages === 1 ? '' : 's'} without a stage ${blankStages === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return {
    ok: true,
    deals: {
      preset: preset?.id ?? 'generic',
      mapping,
      deals,
      crmStages: [...crmStages.values()],
      stageDates: stageDates.map(({ column, stage }) => ({ column, stage })),
      dayOrder,
      badDates: badDates.done(),
      badAmounts: badAmounts.done(),
      notes,
    },
  };
}

function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = cell.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  return index;
}

function outcomeOf(
  cells: readonly string[],
  statusCol: number,
  wonCol: number,
  closedFlagCol: number,
): Outcome | null {
  if (statusCol >= 0) {
    const status = (cells[statusCol] ?? '').trim().toLowerCase();
    if (status === 'won') return 'won';
    if (status === 'lost') return 'lost';
    if (status === 'open') return 'open';
  }
  if (wonCol >= 0 || closedFlagCol >= 0) {
    const won = TRUE.has((cells[wonCol] ?? '').trim().toLowerCase());
    const closed = TRUE.has((cells[closedFlagCol] ?? '').trim().toLowerCase());
    if (won) return 'won';
    if (closedFlagCol >= 0) return closed ? 'lost' : 'open';
  }
  return null;
}

/** Every slashed date among the date columns; a slash near the start is checked first. */
function slashedDates(rows: readonly (readonly string[])[], cols: readonly number[]): string[] {
  const found: string[] = [];
  for (const cells of rows) {
    for (const c of cols) {
      const text = cells[c];
      if (text !== undefined && text.length >= 6 && isSlashedDate(text)) found.push(text);
    }
  }
  return found;
}

function issueList() {
  let count = 0;
  const listed: CellIssue[] = [];
  return {
    add(issue: CellIssue) {
      count++;
      if (listed.length < MAX_LISTED_CELLS) listed.push(issue);
    },
    done: (): CellIssues => ({ count, listed }),
  };
}
