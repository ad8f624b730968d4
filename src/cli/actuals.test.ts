import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DIAGRAM = 'tests/fixtures/deals/pipeline.json';
const HUBSPOT = 'tests/fixtures/deals/hubspot.csv';
const SALESFORCE = 'tests/fixtures/deals/salesforce.csv';
const scratch = mkdtempSync(join(tmpdir(), 'gtm-actuals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real bin in a child process, as a user or CI would run it. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', 'actuals', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gtm-blueprint actuals', { timeout: 60_000 }, () => {
  it('prints plan vs actual per stage, the totals and the stuck deals as text', () => {
    const { code, stdout, stderr } = cli([DIAGRAM, HUBSPOT, '--as-of', '2026-03-31']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Plan vs actual for "Pipeline for deal imports" (HubSpot export, as of 2026-03-31)',
    );
    expect(stdout).toMatch(
      /MQL\s+9\s+6 of 7\s+85\.7%\s+40%\s+\+114\.3%\s+too few deals to judge \(under 30\)/,
    );
    expect(stdout).toMatch(/SQL\s+6\s+4 of 5\s+80%\s+80%\s+0%/);
    expect(stdout).toMatch(/Win rate\s+60%/);
    expect(stdout).toMatch(/Sales cycle\s+30 days/);
    expect(stdout).toMatch(/ACV\s+\$13,000/);
    expect(stdout).toMatch(/Echo expansion\s+Proposal\s+30 days \(max 10\)\s+\$7,500\s+row 6/);
    expect(stdout).toContain('"Appointment Scheduled"');
    expect(stdout).toContain('row 10, column "Create Date": "soon"');
  });

  it('prints the issue’s JSON shape, with --map placing an unmatched CRM stage', () => {
    const { code, stdout } = cli([
      DIAGRAM,
      HUBSPOT,
      '--as-of=2026-03-31',
      '--format',
      'json',
      '--map',
      'Appointment Scheduled=MQL',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.unmatched).toEqual([]);
    // Jade (open, 21 days in "Appointment Scheduled", now MQL) joins MQL and is stuck there.
    expect(json.stages[0]).toEqual({
      stageId: 'stage-mql',
      title: 'MQL',
      reached: 10,
      converted: 6,
      resolved: 7,
      actual: 6 / 7,
      plan: 0.4,
      drift: (6 / 7 - 0.4) / 0.4,
      tooFew: true,
      open: 3,
      stuck: 2,
    });
    expect(json).toMatchObject({ winRate: 0.6, salesCycleDays: 30, acv: 13000, ignored: 0 });
    expect(json.stuck.map((d: { name: string; days: number }) => [d.name, d.days])).toEqual([
      ['Echo expansion', 30],
      ['=HYPERLINK("http://example.invalid","Gulf")', 30],
      ['Jade referral', 21],
    ]);
  });

  it('reads a Salesforce report with the stage mapped to "won" by --map', () => {
    const { code, stdout } = cli([
      DIAGRAM,
      SALESFORCE,
      '--as-of',
      '2026-03-31',
      '--format',
      'json',
      '--map',
      'Closed Won=won',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.source).toBe('Salesforce export');
    expect(json).toMatchObject({ won: 2, lost: 1, open: 3, winRate: 2 / 3, acv: 18000 });
  });

  it('leaves the diagram file exactly as it was', () => {
    const before = readFileSync(DIAGRAM, 'utf8');
    cli([DIAGRAM, HUBSPOT, '--map', 'Appointment Scheduled=MQL']);
    expect(readFileSync(DIAGRAM, 'utf8')).toBe(before);
  });

  it('exits 2 for a deals file it cannot read', () => {
    const missing = cli([DIAGRAM, join(scratch, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: there is no such file\.\n$/);

    const empty = join(scratch, 'empty.csv');
    writeFileSync(empty, '');
    const refused = cli([DIAGRAM, empty]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '(row 1): The file is empty: there is no header row and no deal.',
    );

    const noStage = join(scratch, 'no-stage.csv');
    writeFileSync(noStage, 'Name,Amount\nAcme,100\n');
    const unmapped = cli([DIAGRAM, noStage]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain(
      '(row 1): The columns do not match a HubSpot, Salesforce or Pipedrive export',
    );
  });

  it('refuses a 50 MB file before reading it, naming the limit', () => {
    const big = join(scratch, 'big.csv');
    writeFileSync(big, 'Deal Stage,Create Date\n');
    truncateSync(big, 50 * 1024 * 1024);
    const { code, stderr } = cli([DIAGRAM, big]);
    expect(code).toBe(2);
    expect(stderr).toContain('The file is 50.0 MB; GTM Blueprint reads deal exports up to 40 MB.');
  });

  it('refuses a bad --as-of and a --map naming no stage, with the usage', () => {
    const asOf = cli([DIAGRAM, HUBSPOT, '--as-of', '31/03/2026']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of must be a date written YYYY-MM-DD.');
    const map = cli([DIAGRAM, HUBSPOT, '--map', 'Demo=Nowhere']);
    expect(map.code).toBe(2);
    expect(map.stderr).toContain('the diagram has no stage "Nowhere"');
  });
});
