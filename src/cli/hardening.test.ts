import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ftruncateSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLEAN = 'tests/fixtures/audit-clean.json';
const scratch = mkdtempSync(join(tmpdir(), 'gtm-cli-hard-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real bin in a child process, as a user or a CI job runs it. */
function cli(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, ['bin/gtm-blueprint.mjs', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Through a shell, for pipes the test cannot build with spawnSync alone. */
function shell(script: string) {
  const result = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK = /\n\s+at |node:internal|Error:/;

/** Whatever happened, the user saw one sentence, not a stack trace. */
function expectOneSentence(stderr: string) {
  expect(stderr).not.toMatch(STACK);
  expect(stderr.trim().split('\n')[0]).toMatch(/^gtm-blueprint[^\n]*[.:]$/);
}

function file(name: string, value: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function diagram(extra: Record<string, unknown> = {}) {
  return { format: 'gtm-blueprint', version: 2, name: 'Hardening', nodes: [], edges: [], ...extra };
}

/** 75,000 bare stages: a 5 MB file with 300,000 findings. */
let manyFindings = '';
beforeAll(() => {
  const nodes = Array.from({ length: 75_000 }, (_, i) => ({
    id: `s${i}`,
    kind: 'stage',
    title: '',
    position: { x: 0, y: 0 },
  }));
  manyFindings = file('many-findings.json', diagram({ nodes }));
});

describe('every run ends in exit 0, 1 or 2 and one sentence', { timeout: 120_000 }, () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats "%s" as an unknown command',
    (name) => {
      const { status, stderr } = cli([name, CLEAN]);
      expect(status).toBe(2);
      expect(stderr).toContain(`unknown command "${name}"`);
      expectOneSentence(stderr);
    },
  );

  it('audits a file with 300,000 findings in text, JSON and SARIF without crashing', () => {
    const text = cli(['audit', manyFindings]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Listed the first 10,000 of 300,006 findings');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(
      '300006 problems: 75004 errors, 150001 warnings, 75001 info.',
    );

    const json = cli(['audit', manyFindings, '--format', 'json']);
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      findings: unknown[];
      counts: Record<string, number>;
      truncated: { listed: number; total: number };
    };
    expect(parsed.findings).toHaveLength(10_000);
    expect(parsed.truncated).toMatchObject({ listed: 10_000, total: 300_006 });
    expect(parsed.counts.error).toBe(75_004);
    expect(json.stderr).toContain('Listed the first 10,000 of 300,006 findings');

    const sarif = cli(['audit', manyFindings, '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    const run = (
      JSON.parse(sarif.stdout) as {
        runs: {
          results: unknown[];
          invocations: { toolExecutionNotifications?: { message: { text: string } }[] }[];
        }[];
      }
    ).runs[0];
    expect(run?.results).toHaveLength(10_000);
    expect(run?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toContain(
      '300,006 findings',
    );
  });

  it('ends quietly when the reader downstream closes the pipe', () => {
    const errors = join(scratch, 'epipe.err');
    const { stdout } = shell(
      `node bin/gtm-blueprint.mjs audit ${manyFindings} --format json 2>${errors} | head -c 10`,
    );
    expect(stdout).toBe('{\n  "findi');
    expect(readFileSync(errors, 'utf8')).not.toMatch(/EPIPE|Error|\n\s+at /);
  });

  it('names the file it cannot write, exit 2', () => {
    const out = join(scratch, 'no-such-folder', 'report.md');
    const { status, stderr } = cli(['export', '--to', 'md', CLEAN, '-o', out]);
    expect(status).toBe(2);
    expect(stderr).toContain(`cannot write ${out}`);
    expectOneSentence(stderr);
  });

  it('says the port is taken when serve cannot listen, exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { status, stderr } = cli(['serve', '--port', String(port), '--data', scratch]);
      expect(status).toBe(2);
      expect(stderr).toBe(
        `gtm-blueprint: cannot start the server on port ${port}: the port is already in use.\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it('says a missing file or a folder cannot be read', () => {
    const missing = cli(['audit', join(scratch, 'missing.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('there is no such file');
    const folder = cli(['audit', scratch]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
    expectOneSentence(folder.stderr);
  });
});

describe('bounded input', { timeout: 120_000 }, () => {
  it('refuses a file past 5 MB by its size, without reading it', () => {
    // A sparse 3 GB file: reading it whole would fail or take gigabytes of memory.
    const path = join(scratch, 'huge.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const { status, stderr } = cli(['audit', path]);
    expect(status).toBe(2);
    expect(stderr).toContain(`${path} is 3072.00 MB, over the 5 MB that GTM Blueprint opens.`);
    expectOneSentence(stderr);
  });

  it('stops reading standard input at 5 MB', () => {
    const { status, stderr } = shell(
      'head -c 300000000 /dev/zero | node bin/gtm-blueprint.mjs audit -; echo "exit $?" >&2',
    );
    expect(stderr).toContain('Standard input is over the 5 MB that GTM Blueprint opens.');
    expect(stderr).toContain('exit 2');
    expect(stderr).not.toMatch(STACK);
    expect(status).not.toBeNull();
  });

  it('reads a file that starts with a UTF-8 byte-order mark, as the editor does', () => {
    const path = file('bom.json', `\uFEFF${readFileSync(CLEAN, 'utf8')}`);
    const { status, stdout, stderr } = cli(['audit', path]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Audit of "Mid-market sales-led GTM"');
  });
});

describe('no terminal control characters reach a terminal', { timeout: 60_000 }, () => {
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

  it('escapes titles and the diagram name in audit and forecast text', () => {
    const hostile = file(
      'hostile.json',
      diagram({
        name: 'Evil\u001b]0;pwned\u0007\r\u202e',
        nodes: [
          {
            id: 'st',
            kind: 'stage',
            title: 'Demo\u001b[2J\u009b\u200b\nFake line',
            position: { x: 0, y: 0 },
          },
        ],
      }),
    );
    for (const command of ['audit', 'forecast']) {
      const { stdout, stderr } = cli([command, hostile]);
      expect(stdout).not.toMatch(RAW);
      expect(stderr).not.toMatch(RAW);
      expect(stdout).toContain('\\u001B');
      // A newline in a title does not start a line of its own in the audit.
      if (command === 'audit') expect(stdout).not.toMatch(/^Fake line/m);
    }
  });

  it('escapes unknown field names and JSON error excerpts on stderr', () => {
    const unknownField = file('unknown.json', diagram({ 'x\u001b[31m': 1 }));
    const field = cli(['audit', unknownField]);
    expect(field.status).toBe(2);
    expect(field.stderr).not.toMatch(RAW);
    expect(field.stderr).toMatch(/x\\u001b\[31m/i);

    const broken = file('broken.json', '{"name": "\u001b[31m\u0007 ');
    const json = cli(['audit', broken]);
    expect(json.status).toBe(2);
    expect(json.stderr).not.toMatch(RAW);
  });

  it('keeps JSON output exactly equal in value', () => {
    const name = 'Name\u009b\u202e\u200b';
    const path = file('json-value.json', diagram({ name }));
    const { stdout } = cli(['export', '--to', 'json', path]);
    expect(stdout).not.toMatch(RAW);
    expect((JSON.parse(stdout) as { name: string }).name).toBe(name);
  });
});
