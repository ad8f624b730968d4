import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../model/version';
import { RULES } from '../rules/registry';
import { parseDiagramFile, parseDiagramValue, type ParseResult } from './parse-file';

function file(extra: Record<string, unknown> = {}) {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Gate',
    nodes: [{ id: 'seg', kind: 'segment', title: 'Segment', position: { x: 0, y: 0 } }],
    edges: [],
    ...extra,
  };
}

function problems(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('the parse gate refuses', () => {
  it('a key that appears twice in one object', () => {
    const text = JSON.stringify(file()).replace('"name":"Gate"', '"name":"Gate","name":"Other"');
    expect(problems(parseDiagramFile(text))).toEqual([
      {
        path: 'name',
        message:
          'The key "name" appears twice in one object; another tool could read the other value, so the file is refused.',
      },
    ]);
  });

  it('a duplicate key inside a node, with its path', () => {
    const text = JSON.stringify(file()).replace('"title":"Segment"', '"title":"A","title":"B"');
    expect(problems(parseDiagramFile(text))[0]?.path).toBe('nodes[0].title');
  });

  it('a setting for a rule that does not exist, listing the known rules', () => {
    const [problem] = problems(
      parseDiagramFile(JSON.stringify(file({ rules: { 'no-such-rule': 'off' } }))),
    );
    expect(problem?.path).toBe('rules["no-such-rule"]');
    expect(problem?.message).toMatch(/^There is no rule "no-such-rule"\. Known rules: /);
    for (const rule of RULES) expect(problem?.message).toContain(rule.meta.id);
  });

  it('an option a rule does not have, and one outside its bounds', () => {
    const unknown = problems(
      parseDiagramFile(
        JSON.stringify(
          file({ rules: { 'metric-drift': { level: 'warning', options: { tolerance: 1 } } } }),
        ),
      ),
    );
    expect(unknown[0]?.path).toBe('rules["metric-drift"].options');
    expect(unknown[0]?.message).toMatch(
      /^Unknown option "tolerance" for the rule "metric-drift"\. Its options: /,
    );

    const rule = RULES.find((r) => r.meta.id === 'metric-drift');
    const [name, meta] = Object.entries(rule?.meta.options ?? {})[0] ?? [];
    if (!name || !meta) throw new Error('metric-drift declares options');
    const outside = problems(
      parseDiagramFile(
        JSON.stringify(
          file({
            rules: { 'metric-drift': { level: 'warning', options: { [name]: meta.max + 1 } } },
          }),
        ),
      ),
    );
    expect(outside[0]?.path).toBe(`rules["metric-drift"].options.${name}`);
    expect(outside[0]?.message).toBe(
      `The option "${name}" of "metric-drift" must be from ${meta.min} to ${meta.max}, not ${meta.max + 1}.`,
    );
  });

  it('options for a rule that has none', () => {
    const [problem] = problems(
      parseDiagramFile(
        JSON.stringify(file({ rules: { 'stage-count': { level: 'off', options: { max: 3 } } } })),
      ),
    );
    expect(problem?.message).toBe('The rule "stage-count" has no options; remove "max".');
  });
});

describe('problem messages stay short', () => {
  it('names the first few unknown fields and counts the rest', () => {
    const extra = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field${i}`, i]));
    const [problem] = problems(parseDiagramFile(JSON.stringify(file(extra))));
    expect(problem?.message).toBe(
      'Unknown fields "field0", "field1", "field2", "field3", "field4" and 4995 more: the format (version 2) does not have them.',
    );
  });

  it('clips a long unknown field name and a long unknown metric key', () => {
    const long = 'k'.repeat(10_000);
    const [field] = problems(parseDiagramFile(JSON.stringify(file({ [long]: 1 }))));
    expect(field?.message.length).toBeLessThan(200);
    const metric = file({
      nodes: [
        {
          id: 'seg',
          kind: 'segment',
          title: 'Segment',
          position: { x: 0, y: 0 },
          data: { metrics: [{ key: long, value: 1 }] },
        },
      ],
    });
    const all = problems(parseDiagramFile(JSON.stringify(metric)));
    for (const problem of all) expect(problem.message.length).toBeLessThan(600);
  });

  it('clips the excerpt of a JSON syntax error', () => {
    const [problem] = problems(parseDiagramFile(`{"name": "${'x'.repeat(50_000)}`));
    expect(problem?.message.length).toBeLessThan(300);
  });
});

describe('the parse gate accepts', () => {
  it('a file that starts with a byte-order mark', () => {
    expect(parseDiagramFile(`\uFEFF${JSON.stringify(file())}`).ok).toBe(true);
  });

  it('settings and in-range options of real rules', () => {
    const result = parseDiagramFile(
      JSON.stringify(file({ rules: { 'stage-count': 'off', 'metric-drift': { level: 'error' } } })),
    );
    expect(result.ok).toBe(true);
  });
});

describe('the schema minimum for a sales cycle', () => {
  it.each([0, 0.5, 5e-324])('refuses a cycle of %s days', (value) => {
    const result = parseDiagramValue({
      format: 'gtm-blueprint',
      version: 2,
      name: 'x',
      nodes: [
        {
          id: 'm',
          kind: 'motion',
          title: 'M',
          position: { x: 0, y: 0 },
          data: { metrics: [{ key: 'sales-cycle-days', value }] },
        },
      ],
      edges: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.message).toBe('"value" is a sales cycle in days: from 1 to 3650.');
    }
  });
});
