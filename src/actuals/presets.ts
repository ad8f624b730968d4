/**
 * Which column holds what. A preset names the columns of one CRM's export; the generic mapping
 * is filled in by the user when no preset fits. Column names are matched ignoring case.
 */
export interface ColumnMapping {
  /** The deal's current stage: the one column an import cannot do without. */
  readonly stage: string;
  readonly name?: string;
  readonly created?: string;
  readonly closed?: string;
  readonly amount?: string;
  /** Pipedrive's `Deal - Status` and the like: open, won, lost. */
  readonly status?: string;
  /** Salesforce's `Won` and `Closed` flags (true/false, 1/0). */
  readonly wonFlag?: string;
  readonly closedFlag?: string;
}

export type PresetId = 'hubspot' | 'salesforce' | 'pipedrive' | 'generic';

interface Preset {
  readonly id: PresetId;
  readonly label: string;
  readonly columns: ColumnMapping;
  /** Columns that must all be present for the preset to be chosen. */
  readonly requires: readonly string[];
  /** Slashed dates that read both ways are read in this order (these CRMs' US defaults). */
  readonly dayOrder: 'mdy' | 'dmy';
}

const PRESETS: readonly Preset[] = [
  {
    id: 'hubspot',
    label: 'HubSpot',
    requires: ['Deal Stage', 'Create Date'],
    columns: {
      stage: 'Deal Stage',
      name: 'Deal Name',
      created: 'Create Date',
      closed: 'Close Date',
      amount: 'Amount',
    },
    dayOrder: 'mdy',
  },
  {
    id: 'salesforce',
    label: 'Salesforce',
    requires: ['Stage', 'Created Date'],
    columns: {
      stage: 'Stage',
      name: 'Opportunity Name',
      created: 'Created Date',
      closed: 'Close Date',
      amount: 'Amount',
      wonFlag: 'Won',
      closedFlag: 'Closed',
    },
    dayOrder: 'mdy',
  },
  {
    id: 'pipedrive',
    label: 'Pipedrive',
    requires: ['Deal - Stage', 'Deal - Deal created'],
    columns: {
      stage: 'Deal - Stage',
      name: 'Deal - Title',
      created: 'Deal - Deal created',
      closed: 'Deal - Won time',
      amount: 'Deal - Value',
      status: 'Deal - Status',
    },
    dayOrder: 'dmy',
  },
];

export function presetById(id: PresetId): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The first preset whose required columns the header has, or undefined (ask the user). */
export function detectPreset(header: readonly string[]): Preset | undefined {
  const names = new Set(header.map((cell) => cell.toLowerCase()));
  return PRESETS.find((preset) => preset.requires.every((c) => names.has(c.toLowerCase())));
}

/**
 * HubSpot's `Date entered "Demo scheduled (Sales Pipeline)"` columns, and the same shape from
 * any CRM: the stage name inside, the pipeline suffix kept (the stage mapping strips it).
 */
const STAGE_DATE_COLUMN = /^date entered\s*[:-]?\s*["“]?(.+?)["”]?\s*$/i;

export function stageOfDateColumn(column: string): string | undefined {
  return STAGE_DATE_COLUMN.exec(column)?.[1]?.trim() || undefined;
}

/** A generic mapping guessed from common column names, for the mapping step to start from. */
export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const plain = header.filter((cell) => stageOfDateColumn(cell) === undefined);
  const find = (...patterns: RegExp[]) =>
    plain.find((cell) => patterns.some((pattern) => pattern.test(cell)));
  const guess: Record<string, string | undefined> = {
    stage: find(/^(deal )?stage( name)?$/i, /stage/i),
    name: find(/^(deal|opportunity) ?name$/i, /title|name/i),
    created: find(/creat/i),
    closed: find(/clos(e|ed) ?(date|time|on)/i, /won time/i),
    amount: find(/amount|value|acv|arr/i),
    status: find(/status|outcome/i),
  };
  return Object.fromEntries(Object.entries(guess).filter(([, v]) => v !== undefined));
}
