import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLEAN = 'tests/fixtures/audit-clean.json';

/** The real bin in a child process, as a reviewer's CI job would run it. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', 'diff', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The clean fixture after a quarter: MQL lost its owner, win rate up 50%, a card moved. */
function writeVersions(): { before: string; after: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gtm-diff-'));
  const diagram = JSON.parse(readFileSync(CLEAN, 'utf8')) as {
    nodes: { id: string; position: { x: number }; data?: Record<string, unknown> }[];
  };
  for (const node of diagram.nodes) {
    if (node.id === 'stage-mql') node.data = { ...node.data, owner: '' };
    if (node.id === 'stage-proposal')
      node.data = { ...node.data, metrics: [{ key: 'win-rate', value: 0.3 }] };
    if (node.id === 'rev-crm') node.position.x += 200;
  }
  const after = join(dir, 'after.json');
  writeFileSync(after, JSON.stringify(diagram));
  return { before: CLEAN, after };
}

describe('gtm-blueprint diff', { timeout: 60_000 }, () => {
  const files = writeVersions();

  it('prints the changes, the audit delta and the metric drift as text, exit 0', () => {
    const { code, stdout, stderr } = cli([files.before, files.after]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Changes (1 card only moved)');
    expect(stdout).toContain('  MQL: changed');
    expect(stdout).toMatch(/ {4}owner: .+ → \(empty\)/);
    expect(stdout).toMatch(/Audit: 0 fixed, 1 new, \d+ unchanged/);
    expect(stdout).toContain('stage-missing-owner: 0 fixed, 1 new, 0 unchanged');
    expect(stdout).toContain('Proposal: Win rate 20% → 30% (+50%)');
    expect(stdout).toMatch(/new ARR \$[\d,]+ then, \$[\d,]+ now/);
  });

  it('prints the same sections as JSON and as Markdown', () => {
    const json = JSON.parse(cli([files.before, files.after, '--format', 'json']).stdout);
    expect(json.changes.nodes.moved.map((m: { id: string }) => m.id)).toEqual(['rev-crm']);
    expect(json.audit.new).toBe(1);
    expect(json.drift).toEqual([
      expect.objectContaining({
        nodeId: 'stage-proposal',
        key: 'win-rate',
        before: 0.2,
        after: 0.3,
      }),
    ]);
    const md = cli([files.before, files.after, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### Metric drift');
    expect(md.stdout).toContain('- **Proposal**: Win rate 20% → 30% \\(\\+50%\\)');
  });

  it('refuses a wrong number of files or an invalid one with exit 2', () => {
    const one = cli([files.before]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('diff takes two files');
    const dir = mkdtempSync(join(tmpdir(), 'gtm-diff-bad-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"gtm-blueprint"}');
    const invalid = cli([files.before, bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('is not a valid diagram');
  });
});
