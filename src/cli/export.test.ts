import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toMermaid } from '../io/mermaid';
import { parseDiagramFile } from '../io/parse-file';
import { serializeDiagram } from '../io/serialize';
import { SCHEMA_PATH } from '../model/version';

const TEMPLATE = 'tests/fixtures/export-template.json';
const scratch = mkdtempSync(join(tmpdir(), 'gtm-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real bin in a child process: what a user or a CI job runs. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', 'export', ...args], {
    encoding: 'utf8',
    input,
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function template() {
  const parsed = parseDiagramFile(readFileSync(TEMPLATE, 'utf8'));
  if (!parsed.ok) throw new Error('template fixture refused');
  return parsed.diagram;
}

describe('gtm-blueprint export', { timeout: 60_000 }, () => {
  it('writes a standalone SVG', () => {
    const { status, stdout, stderr } = cli(['--to', 'svg', TEMPLATE]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+"/);
    expect(stdout.trimEnd().endsWith('</svg>')).toBe(true);
    expect(stdout).toContain('Pipeline you can trust');
  });

  it('writes the same Mermaid as the library', () => {
    const { status, stdout } = cli(['--to=mermaid', TEMPLATE]);
    expect(status).toBe(0);
    expect(stdout).toBe(toMermaid(template()));
  });

  it('writes JSON that reads back as the same diagram', () => {
    const { status, stdout } = cli([TEMPLATE, '--to', 'json']);
    expect(status).toBe(0);
    expect(stdout).toBe(`${serializeDiagram(template())}\n`);
    expect(parseDiagramFile(stdout)).toEqual({
      ok: true,
      diagram: { ...template(), $schema: SCHEMA_PATH },
    });
  });

  it('writes a Markdown report with the picture and the inventory', () => {
    const { status, stdout } = cli(['--to', 'md', TEMPLATE]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^# Acme GTM — FY26\n/);
    expect(stdout).toContain('```mermaid\nflowchart TB\n');
    expect(stdout).toContain('### Sales motion');
    expect(stdout).toContain('| Cold email | Channel | Reply rate 3% |');
  });

  it('reads the diagram from stdin with "-" and writes to a file with -o', () => {
    const out = join(scratch, 'from-stdin.mmd');
    const { status, stdout } = cli(
      ['--to', 'mermaid', '-', '-o', out],
      readFileSync(TEMPLATE, 'utf8'),
    );
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(toMermaid(template()));
  });

  it('exports hostile text as inert text', () => {
    const { status, stdout } = cli(['--to', 'svg', 'tests/fixtures/hostile-strings.json']);
    expect(status).toBe(0);
    expect(stdout).not.toMatch(/<script|<foreignObject|<iframe/i);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses an invalid file with exit 2, naming the path and the problem', () => {
    const { status, stdout, stderr } = cli(['--to', 'svg', 'tests/fixtures/hostile-proto.json']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('tests/fixtures/hostile-proto.json is not a valid diagram');
    expect(stderr).toContain('nodes[0].data.__proto__: The key "__proto__" is not allowed');
  });

  it('refuses a missing file with exit 2', () => {
    const { status, stderr } = cli(['--to', 'svg', join(scratch, 'missing.json')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json/);
  });

  it('treats a missing or unknown format and a wrong file count as usage errors', () => {
    for (const args of [
      [TEMPLATE],
      ['--to', 'png', TEMPLATE],
      ['--to', 'svg'],
      ['--to', 'svg', TEMPLATE, TEMPLATE],
      ['--to', 'svg', '--pretty', TEMPLATE],
    ]) {
      const { status, stderr } = cli(args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage:');
    }
  });
});
