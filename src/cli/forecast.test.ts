import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'tests/fixtures/forecast-direct-vs-partner.json';

/** The real bin in a child process, as a user or CI would run it. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', 'forecast', ...args], {
    encoding: 'utf8',
    input,
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('gtm-blueprint forecast', { timeout: 60_000 }, () => {
  it('prints channels, stages and totals as text', () => {
    const { code, stdout, stderr } = cli([FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Forecast for "Direct vs partner" (per month, USD)');
    expect(stdout).toMatch(/Direct: cold email\s+2,167\s+3%\s+65\s+1\.63\s+\$6,500\s+\$4,000/);
    expect(stdout).toMatch(/Partners: referrals\s+100\s+40%\s+40\s+1\s+\$2,000\s+\$2,000/);
    expect(stdout).toMatch(/Opportunity\s+Win rate\s+25%\s+10\.5\s+2\.63/);
    expect(stdout).toMatch(/Won deals\s+2\.63\s+7\.88\s+31\.5\n/);
    expect(stdout).toMatch(/Per month\s+Per quarter\s+Per year\n/);
    expect(stdout).toMatch(/New ARR\s+\$63,000\s+\$189,000\s+\$756,000\n/);
    expect(stdout).toContain('ACV                $24,000 per deal a year');
    expect(stdout).toContain('$1,050 / day over a 60-day sales cycle');
    // 10.5 opportunities × $24,000 against $63,000 won: four times the new ARR.
    expect(stdout).toContain('4× ($252,000 of opportunities / month against the new ARR it wins)');
    expect(stdout).not.toContain('Unknowns');
  });

  it('prints the same figures as JSON', () => {
    const { code, stdout } = cli([FIXTURE, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.totals.won.value).toBeCloseTo(2.625);
    expect(json.totals.newArr.value).toBeCloseTo(63_000);
    expect(json.channels.map((c: { cac: { value: number } }) => Math.round(c.cac.value))).toEqual([
      4000, 2000,
    ]);
    expect(json.stages.map((s: { id: string }) => s.id)).toEqual([
      'lead',
      'mql',
      'opportunity',
      'won',
    ]);
    expect(json.unknowns).toEqual([]);
    expect(json.sensitivity.drivers.length).toBeGreaterThan(0);
  });

  it('shows unknowns as "?" and names them, still exiting 0', () => {
    const diagram = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const mql = diagram.nodes.find((node: { id: string }) => node.id === 'mql');
    delete mql.data;
    const { code, stdout } = cli(['-'], JSON.stringify(diagram));
    expect(code).toBe(0);
    expect(stdout).toMatch(/MQL\s+no rate\s+\?\s+21\s+\?/);
    expect(stdout).toMatch(/Won deals\s+\?/);
    expect(stdout).toContain('Unknowns (shown as ?)\n  Stage "MQL" has no rate.');
  });

  it('finds the volume that reaches a new ARR target, together and per channel', () => {
    const { code, stdout } = cli([FIXTURE, '--target', '100,000']);
    expect(code).toBe(0);
    expect(stdout).toContain('To reach $100,000 new ARR / month (now $63,000)');
    expect(stdout).toMatch(/Every channel together\s+volume × 1\.59/);
    // Cold email alone: $37,000 more at $18 of new ARR per email a month is 2,056 more a month.
    expect(stdout).toMatch(/Direct: cold email alone\s+974 \/ week \(now 500 \/ week\)/);
    expect(stdout).toContain('2.52× ($252,000 of opportunities / month against the target)');
    const json = JSON.parse(cli([FIXTURE, '--format', 'json', '--target', '100000']).stdout);
    expect(json.goalSeek.scale.value).toBeCloseTo(100_000 / 63_000);
    expect(json.periods.rows.at(-1).year.value).toBeCloseTo(756_000);
    expect(json.coverage.coverage.value).toBeCloseTo(2.52);
    expect(cli([FIXTURE, '--target', '-5']).code).toBe(2);
    expect(cli([FIXTURE, '--target', 'lots']).stderr).toContain('--target must be');
  });

  it('explains equal bars when every input moves new ARR the same', () => {
    const diagram = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    diagram.nodes = diagram.nodes.filter((node: { id: string }) => node.id !== 'partner');
    diagram.edges = diagram.edges.filter(
      (edge: { source: string; target: string }) =>
        edge.source !== 'partner' && edge.target !== 'partner',
    );
    const { stdout } = cli(['-'], JSON.stringify(diagram));
    expect(stdout).toContain('Every input moves new ARR by the same amount');
  });

  it('refuses an invalid file with exit 2', () => {
    const { code, stderr, stdout } = cli(['-'], '{"format":"gtm-blueprint","version":1}');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('is not a valid diagram');
  });

  it('treats a bad option or a missing file argument as usage errors', () => {
    expect(cli([FIXTURE, '--format', 'xml']).code).toBe(2);
    const missing = cli([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('forecast takes exactly one input file');
  });
});
