import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../io/parse-file';
import type { Diagram } from '../model/schema';
import { parseIsoDay } from './dates';
import { importDeals } from './import-deals';

const fixtures = resolve(import.meta.dirname, '../../tests/fixtures/deals');
const read = (name: string) => readFileSync(resolve(fixtures, name), 'utf8');

function pipeline(): Diagram {
  const parsed = parseDiagramFile(read('pipeline.json'));
  if (!parsed.ok) throw new Error('the pipeline fixture must parse');
  return parsed.diagram;
}

const asOf = parseIsoDay('2026-03-31') as number;

function imported(name: string, options: Partial<Parameters<typeof importDeals>[2]> = {}) {
  const result = importDeals(read(name), pipeline(), { asOf, ...options });
  if (!result.ok) throw new Error(`${name}: ${result.problem.message}`);
  return result;
}

const byStage = (result: ReturnType<typeof imported>) =>
  Object.fromEntries(
    result.report.stages.map((s) => [s.title, [s.reached, s.converted, s.resolved, s.actual]]),
  );

// Every expectation below is worked out by hand from the fixture rows; see the comments.
describe('a HubSpot export', () => {
  const result = imported('hubspot.csv');

  it('is recognised, its stages matched by title ignoring the "(pipeline)" suffix', () => {
    expect(result.deals.preset).toBe('hubspot');
    expect(result.report.source).toBe('HubSpot export');
    expect(result.stageMap).toEqual({
      'Closed Won': 'stage-won',
      'Closed Lost': '@lost',
      Proposal: 'stage-proposal',
      SQL: 'stage-sql',
      MQL: 'stage-mql',
      // "Appointment Scheduled" matches no card and is listed instead.
    });
    expect(result.unmatched).toEqual(['Appointment Scheduled']);
  });

  it('counts reached, converted and resolved per stage from the date-entered columns', () => {
    // MQL: 9 mapped deals reached it; 6 went on (3 won, Cedar, Echo, Fox); Delta was lost
    // there; Gulf and Iris are still open in it and left out: 6 / 7.
    // SQL: 6 reached (Hazel skipped it but won); 4 went on; Cedar lost there; Fox open: 4 / 5.
    // Proposal: 4 reached; the 3 won went on; Echo is open: 3 / 3.
    expect(byStage(result)).toEqual({
      MQL: [9, 6, 7, 6 / 7],
      SQL: [6, 4, 5, 4 / 5],
      Proposal: [4, 3, 3, 1],
      'Closed won': [3, 0, 0, null],
    });
  });

  it('works out win rate, sales cycle, ACV and drift against the plan', () => {
    expect(result.report).toMatchObject({ won: 3, lost: 2, open: 4, ignored: 1, winRate: 3 / 5 });
    // Won deals took 30, 50 and 30 days; they were worth 12,000, 18,000 and 9,000.
    expect(result.report.salesCycleDays).toBe(30);
    expect(result.report.acv).toBe(13_000);
    const mql = result.report.stages[0];
    expect(mql?.plan).toBe(0.4);
    expect(mql?.drift).toBeCloseTo((6 / 7 - 0.4) / 0.4, 10);
    expect(mql?.tooFew).toBe(true);
  });

  it('lists stuck deals with days in stage, the formula-looking name kept as text', () => {
    // Echo entered Proposal on 1 March (30 days > 10); Gulf entered MQL on 1 March (30 > 14).
    expect(result.report.stuck).toEqual([
      {
        row: 6,
        name: 'Echo expansion',
        amount: 7500,
        stageId: 'stage-proposal',
        days: 30,
        maxDays: 10,
      },
      {
        row: 8,
        name: '=HYPERLINK("http://example.invalid","Gulf")',
        amount: 2500,
        stageId: 'stage-mql',
        days: 30,
        maxDays: 14,
      },
    ]);
    expect(result.report.stages.map((s) => s.stuck)).toEqual([1, 0, 1, 0]);
  });

  it('reports the date it could not read by row and column, and does not guess it', () => {
    expect(result.deals.badDates).toEqual({
      count: 1,
      listed: [{ row: 10, column: 'Create Date', value: 'soon' }],
    });
  });
});

describe('a Salesforce opportunity report (BOM, CRLF, US dates, Won and Closed flags)', () => {
  const result = imported('salesforce.csv');

  it('is recognised and read month first, as 1/13/2026 proves', () => {
    expect(result.deals.preset).toBe('salesforce');
    expect(result.deals.dayOrder).toBe('mdy');
    expect(result.deals.notes).toEqual([]);
    expect(result.deals.deals[0]?.name).toBe('Northwind order');
  });

  it('reaches stages by current stage alone when there are no stage dates', () => {
    // Contoso was lost with no stage known, so it reached no stage but counts as lost.
    expect(byStage(result)).toEqual({
      MQL: [5, 4, 4, 1],
      SQL: [4, 3, 3, 1],
      Proposal: [3, 2, 2, 1],
      'Closed won': [2, 0, 0, null],
    });
    expect(result.report).toMatchObject({ won: 2, lost: 1, open: 3, winRate: 2 / 3 });
    expect(result.report.salesCycleDays).toBe(30);
    expect(result.report.acv).toBe(18_000);
  });

  it('times open deals from their create date', () => {
    // Adatum: 13 January to 31 March is 77 days; Fabrikam: 1 to 31 March is 30.
    expect(result.report.stuck.map((d) => [d.name, d.days])).toEqual([
      ['Adatum add-on', 77],
      ['Fabrikam suite', 30],
    ]);
  });
});

describe('a Pipedrive export (semicolons, status column, euro amounts)', () => {
  const result = imported('pipedrive.csv');

  it('takes won and lost from the status, with the stage where the deal ended', () => {
    expect(result.deals.preset).toBe('pipedrive');
    // MQL: 6 reached; Alpha, Beta, Delta, Epsilon went on; Zeta lost; Gamma open: 4 / 5.
    // SQL: 4 reached; Alpha, Delta, Epsilon went on; Beta lost there: 3 / 4.
    expect(byStage(result)).toEqual({
      MQL: [6, 4, 5, 4 / 5],
      SQL: [4, 3, 4, 3 / 4],
      Proposal: [3, 2, 2, 1],
      'Closed won': [2, 0, 0, null],
    });
    // Won in 30 and 70 days, for 12,000 and 6,000.
    expect(result.report).toMatchObject({
      won: 2,
      lost: 2,
      winRate: 0.5,
      salesCycleDays: 50,
      acv: 9000,
    });
  });

  it('reads "€9.000,00" as nine thousand and keeps a quote inside a name', () => {
    expect(result.report.stuck).toEqual([
      {
        row: 5,
        name: 'Delta "big" deal',
        amount: 9000,
        stageId: 'stage-proposal',
        days: 58,
        maxDays: 10,
      },
    ]);
  });
});

describe('any other CSV, through a column mapping', () => {
  const mapping = {
    stage: 'Phase',
    name: 'Opportunity',
    created: 'Opened',
    closed: 'Closed on',
    amount: 'Value',
    status: 'Result',
  };

  it('asks for a mapping, offering the columns, when no preset fits', () => {
    const result = importDeals(read('generic.csv'), pipeline(), { asOf });
    expect(result).toMatchObject({ ok: false, needsMapping: true, problem: { row: 1 } });
    if (!result.ok)
      expect(result.header).toEqual([
        'Opportunity',
        'Phase',
        'Opened',
        'Closed on',
        'Value',
        'Result',
      ]);
  });

  it('reads tabs, day-first dates (14/01 proves the order) and pounds', () => {
    const result = imported('generic.csv', {
      mapping,
      stageMap: { Qualified: 'stage-sql', Signed: '@won', Dropped: '@lost' },
    });
    expect(result.deals.preset).toBe('generic');
    expect(result.report.source).toBe('CRM export');
    expect(result.deals.dayOrder).toBe('dmy');
    // 31/02/2026 does not exist: listed, not rolled over into March.
    expect(result.deals.badDates.listed).toEqual([
      { row: 5, column: 'Opened', value: '31/02/2026' },
    ]);
    // South: 2 January to 1 February, 30 days; £8,000.
    expect(result.report).toMatchObject({
      won: 1,
      lost: 1,
      open: 2,
      salesCycleDays: 30,
      acv: 8000,
      winRate: 0.5,
    });
    // North has sat in SQL since 14 January: 76 days.
    expect(result.report.stuck.map((d) => [d.name, d.days])).toEqual([['North deal', 76]]);
  });
});

describe('bad files are refused with a clear place', () => {
  it('an empty file', () => {
    expect(importDeals('', pipeline(), { asOf })).toEqual({
      ok: false,
      problem: { message: 'The file is empty: there is no header row and no deal.', row: 1 },
    });
  });

  it('a mapping that names a stage column the file does not have', () => {
    const result = importDeals('Name,Amount\nA,1\n', pipeline(), {
      asOf,
      mapping: { stage: 'Stage' },
    });
    expect(result).toMatchObject({ ok: false, problem: { row: 1, column: 'Stage' } });
    if (!result.ok)
      expect(result.problem.message).toMatch(/^No stage column: row 1 has no column "Stage"/);
  });

  it('a header with no deals', () => {
    const result = importDeals('Deal Stage,Create Date\n', pipeline(), { asOf });
    expect(result).toMatchObject({ ok: false, problem: { row: 2 } });
  });
});
