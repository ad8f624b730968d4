import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/registry';
import { locationOf } from './audit';

const CLEAN = 'tests/fixtures/audit-clean.json';
const BROKEN = 'tests/fixtures/audit-broken.json';
const INVALID = 'tests/fixtures/audit-invalid.json';

/** The real bin in a child process, as a user or CI would run it. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', 'audit', ...args], {
    encoding: 'utf8',
    input,
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: { artifactLocation: { uri: string; index: number } };
    logicalLocations: { fullyQualifiedName: string; kind: string }[];
  }[];
}

describe('gtm-blueprint audit', { timeout: 60_000 }, () => {
  it('exits 0 on a complete diagram, with no errors to show', () => {
    const { code, stdout, stderr } = cli([CLEAN]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Audit of "Mid-market sales-led GTM" (tests/fixtures/audit-clean.json)',
    );
    // The review date ages with the calendar, so only errors are ruled out here.
    expect(stdout).not.toContain('Errors (');
  });

  it('exits 1 and lists findings grouped by severity, with a summary', () => {
    const { code, stdout } = cli([BROKEN]);
    expect(code).toBe(1);
    const sections = ['Errors (7)', 'Warnings (17)', 'Info (4)'].map((h) => stdout.indexOf(h));
    expect(sections.every((at, i) => at > 0 && (i === 0 || at > (sections[i - 1] as number)))).toBe(
      true,
    );
    expect(stdout).toMatch(
      /missing-enrichment +Leads from “Cold email” reach sales without enrichment or scoring: route them through an enrichment step first\. +\[nodes\/ch-email\]/,
    );
    expect(stdout).toContain('[edges/e3/label]');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('28 problems: 7 errors, 17 warnings, 4 info.');
  });

  it('prints findings and counts as JSON', () => {
    const { code, stdout } = cli([BROKEN, '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.counts).toEqual({ error: 7, warning: 17, info: 4 });
    expect(json.findings).toHaveLength(28);
    expect(json.findings[0]).toEqual({
      ruleId: 'benchmark-red-flag',
      severity: 'error',
      message:
        'Red flag on “Cold email”: Reply rate is 0.5%, below the 1% red-flag line (benchmark 2-5%).',
      target: { type: 'node', id: 'ch-email', field: 'metrics' },
    });
  });

  it('prints SARIF 2.1.0 with the rule catalog, levels and locations', () => {
    const { code, stdout } = cli([BROKEN, '--format=sarif']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run.tool.driver.name).toBe('gtm-blueprint');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      RULES.map((r) => r.meta.id),
    );
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toMatch(/\.$/);
      expect(rule.fullDescription.text).toMatch(/\.$/);
      expect(new URL(rule.helpUri).hash).toBe(`#${rule.id}`);
    }
    expect(run.artifacts).toEqual([{ location: { uri: BROKEN } }]);
    const results = run.results as SarifResult[];
    expect(results).toHaveLength(28);
    expect(new Set(results.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'note']));
    for (const result of results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.message.text).toMatch(/^[A-Z].*\.$/);
      expect(result.locations[0]?.physicalLocation?.artifactLocation.uri).toBe(BROKEN);
    }
    expect(results[0]?.locations[0]?.logicalLocations).toEqual([
      { fullyQualifiedName: 'nodes/ch-email/data/metrics', kind: 'property' },
    ]);
    const diagramLevel = results.find((r) => r.ruleId === 'tools-without-icp');
    expect(diagramLevel?.locations[0]?.logicalLocations).toEqual([
      { fullyQualifiedName: 'diagram', kind: 'object' },
    ]);
  });

  it('reads the diagram from stdin with "-"; SARIF then has no file to point at', () => {
    const input = readFileSync(BROKEN, 'utf8');
    expect(cli(['-'], input).code).toBe(1);
    const { code, stdout } = cli(['-', '--format', 'sarif'], input);
    expect(code).toBe(1);
    const run = JSON.parse(stdout).runs[0];
    expect(run.artifacts).toBeUndefined();
    expect(run.results[0].locations[0].physicalLocation).toBeUndefined();
    expect(cli(['-', '--format', 'json'], readFileSync(CLEAN, 'utf8')).code).toBe(0);
  });

  it('exits 2 on an invalid diagram and names the JSON paths', () => {
    const { code, stdout, stderr } = cli([INVALID]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${INVALID} is not a valid diagram`);
    expect(stderr).toContain('nodes[1].kind:');
    expect(stderr).toContain('nodes[2].data.metrics[0].value:');
  });

  it('exits 2 on text that is not JSON, or a file that is not there', () => {
    const notJson = cli(['-'], '{"format": "gtm-blueprint", ');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');
    const missing = cli(['tests/fixtures/audit-no-such-file.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('exits 2 on wrong usage', () => {
    for (const args of [[], [CLEAN, BROKEN], [CLEAN, '--format', 'xml'], [CLEAN, '--fix']]) {
      const { code, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage:');
    }
  });
});

describe('locationOf', () => {
  it('names targets by id, with node fields under data', () => {
    expect(locationOf({ type: 'diagram' })).toBe('diagram');
    expect(locationOf({ type: 'node', id: 'n1' })).toBe('nodes/n1');
    expect(locationOf({ type: 'node', id: 'n1', field: 'owner' })).toBe('nodes/n1/data/owner');
    expect(locationOf({ type: 'edge', id: 'e1', field: 'label' })).toBe('edges/e1/label');
  });
});
