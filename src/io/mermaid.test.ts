import { CURRENT_VERSION } from '../model/version';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDisplayText } from '../model/display-text';
import { LAYER_IDS } from '../model/layers';
import type { Diagram } from '../model/schema';
import { escapeMermaidText, toMermaid } from './mermaid';
import { parseDiagramFile } from './parse-file';

function fixture(name: string): Diagram {
  const parsed = parseDiagramFile(readFileSync(`tests/fixtures/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
  return parsed.diagram;
}

/**
 * The exact subset `toMermaid` writes, as a strict grammar: Mermaid needs a DOM to run, so the
 * test checks each line against the statements we emit and the label alphabet Mermaid reads as
 * plain text. A label may hold no raw `"`, `<`, `>`, `&`, `|`, brackets, `;`, `%`, backtick,
 * backslash or line break, and `#` only as the start of an entity code.
 */
const LABEL = String.raw`(?:[^"<>&|[\]{}();%\x60\\#\r\n]|#(?:quot|lt|gt|amp|\d{1,6});)*`;
const LAYER = `(?:${LAYER_IDS.join('|')})`;
const NODE_ID = String.raw`n\d+`;
const GRAMMAR = {
  header: /^flowchart TB$/,
  subgraph: new RegExp(String.raw`^  subgraph layer_(${LAYER})\["(${LABEL})"\]$`),
  node: new RegExp(
    String.raw`^    (${NODE_ID})(?:\["(${LABEL})"\]|\(\["(${LABEL})"\]\)|\[\("(${LABEL})"\)\])$`,
  ),
  end: /^ {2}end$/,
  edge: new RegExp(String.raw`^  (${NODE_ID}) (?:-->|-\.->)(?:\|"(${LABEL})"\|)? (${NODE_ID})$`),
  classDef: new RegExp(
    String.raw`^  classDef (${LAYER}) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}$`,
  ),
  class: new RegExp(String.raw`^  class (${NODE_ID}(?:,${NODE_ID})*) (${LAYER})$`),
  linkStyle: /^ {2}linkStyle \d+(?:,\d+)* stroke:#[0-9a-f]{6},stroke-width:[\d.]+px$/,
} as const;

interface Parsed {
  readonly nodes: Map<string, string>;
  readonly subgraphs: string[];
  readonly edgeLabels: string[];
  readonly edges: number;
}

/** Parses the emitted subset or throws with the line it cannot read. */
function parseEmitted(source: string): Parsed {
  const lines = source.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.shift()).toMatch(GRAMMAR.header);
  const nodes = new Map<string, string>();
  const subgraphs: string[] = [];
  const edgeLabels: string[] = [];
  let edges = 0;
  let depth = 0;
  let section: 'subgraphs' | 'edges' | 'classes' = 'subgraphs';
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = GRAMMAR.subgraph.exec(line))) {
      if (depth !== 0 || section !== 'subgraphs') throw new Error(`misplaced: ${line}`);
      subgraphs.push(decode(match[2] ?? ''));
      depth++;
    } else if (GRAMMAR.end.test(line)) {
      if (depth !== 1) throw new Error(`unbalanced end: ${line}`);
      depth--;
    } else if ((match = GRAMMAR.node.exec(line))) {
      if (depth !== 1) throw new Error(`node outside a subgraph: ${line}`);
      const id = match[1] as string;
      if (nodes.has(id)) throw new Error(`node declared twice: ${line}`);
      nodes.set(id, decode(match[2] ?? match[3] ?? match[4] ?? ''));
    } else if ((match = GRAMMAR.edge.exec(line))) {
      if (depth !== 0 || section === 'classes') throw new Error(`misplaced: ${line}`);
      section = 'edges';
      for (const end of [match[1], match[3]]) {
        if (!nodes.has(end as string)) throw new Error(`edge to an undeclared node: ${line}`);
      }
      if (match[2] !== undefined) edgeLabels.push(decode(match[2]));
      edges++;
    } else if (GRAMMAR.linkStyle.test(line)) {
      if (depth !== 0 || section !== 'edges') throw new Error(`misplaced: ${line}`);
      const indexes = (line.match(/linkStyle ([\d,]+)/)?.[1] ?? '').split(',').map(Number);
      if (indexes.some((index) => index >= edges)) throw new Error(`style for no link: ${line}`);
    } else if (GRAMMAR.classDef.test(line) || (match = GRAMMAR.class.exec(line))) {
      section = 'classes';
      for (const id of match?.[1]?.split(',') ?? []) {
        if (!nodes.has(id)) throw new Error(`class for an undeclared node: ${line}`);
      }
    } else {
      throw new Error(`not in the grammar: ${JSON.stringify(line)}`);
    }
  }
  if (depth !== 0) throw new Error('a subgraph is not closed');
  return { nodes, subgraphs, edgeLabels, edges };
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', lt: '<', gt: '>', amp: '&' };

/** What Mermaid shows for a label: entity codes turned back into characters. */
function decode(label: string): string {
  return label.replace(/#(quot|lt|gt|amp|\d+);/g, (_, code: string) =>
    /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (NAMED[code] ?? ''),
  );
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"]; click n0 call alert(1) %%',
  '%%{init: {"securityLevel": "loose"}}%%',
  'a|b]c[d{e}f(g)h;i#j',
  'line one\nline two\r\nclick n1 href "javascript:alert(1)"',
  '```\n# heading',
  '#lt;script#gt;',
  'end',
  'subgraph',
];

function diagramWith(titles: readonly string[], labels: readonly string[]): Diagram {
  const kinds = ['segment', 'positioning', 'channel', 'stage', 'crm'] as const;
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Hostile',
    meta: {},
    nodes: titles.map((title, i) => ({
      id: `node.${i}:o`,
      kind: kinds[i % kinds.length] as (typeof kinds)[number],
      title,
      position: { x: i * 10, y: (i % kinds.length) * 260 },
    })),
    edges: labels.map((label, i) => ({
      id: `edge-${i}`,
      source: `node.${i % titles.length}:o`,
      target: `node.${(i + 1) % titles.length}:o`,
      label,
    })),
  };
}

describe('toMermaid', () => {
  it('draws the template as subgraphs per layer, with edge kinds drawn apart', () => {
    const output = toMermaid(fixture('export-template'));
    expect(output).toMatchSnapshot();
    const parsed = parseEmitted(output);
    expect(parsed.subgraphs).toEqual([
      'ICP & personas',
      'Positioning',
      'Channels',
      'Sales motion',
      'RevOps',
    ]);
    expect(parsed.nodes.get('n0')).toBe('Mid-market SaaS, 200-1,000 employees · Segment');
    // Feedback is dashed, as on the canvas; a data flow is a plain arrow styled thin and grey.
    expect(output).toContain('n12 -.->|"Won/lost reasons refine ICP quarterly"| n0');
    expect(output).toMatch(/n\d+ -->\|"Raw replies"\| n\d+/);
    expect(output).toMatch(/^ {2}linkStyle [\d,]+ stroke:#4f46e5,stroke-width:2px$/m);
    expect(output).toMatch(/^ {2}linkStyle [\d,]+ stroke:#94a3b8,stroke-width:1.5px$/m);
    expect(parsed.edges).toBe(12);
  });

  it('leaves out layers without nodes and writes an empty diagram as a bare header', () => {
    expect(toMermaid(diagramWith([], []))).toBe('flowchart TB\n');
    const output = toMermaid(diagramWith(['Only a segment'], []));
    expect(parseEmitted(output).subgraphs).toEqual(['ICP & personas']);
  });

  it('never writes user ids, only n0, n1, … in reading order', () => {
    const output = toMermaid(fixture('hostile-strings'));
    expect(output).not.toMatch(/x\.\d+:o-/);
    expect([...parseEmitted(output).nodes.keys()]).toEqual(
      Array.from({ length: 18 }, (_, i) => `n${i}`),
    );
  });

  it('turns hostile titles and labels into inert text that still reads the same', () => {
    const output = toMermaid(diagramWith(HOSTILE, HOSTILE));
    const parsed = parseEmitted(output);
    expect(output).not.toMatch(/^\s*click\b/m);
    expect(output).not.toMatch(/^\s*%%/m);
    expect(output).not.toContain('<');
    expect(output).not.toContain('`');
    const shown = [...parsed.nodes.values()].join('\n');
    expect(shown).toContain('<script>alert(1)</script> · ');
    expect(shown).toContain('"]; click n0 call alert(1) %% · ');
    expect(shown).toContain('#lt;script#gt; · ');
    expect(parsed.edgeLabels).toContain('line one line two click n1 href "javascript:alert(1)"');
  });

  it('keeps the hostile fixture inside the grammar', () => {
    expect(() => parseEmitted(toMermaid(fixture('hostile-strings')))).not.toThrow();
  });

  it('escapes any text to a label Mermaid shows as the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const label = escapeMermaidText(text);
        expect(label).toMatch(new RegExp(`^${LABEL}$`));
        // Invisible and direction characters removed (display-text.ts), line breaks a space.
        const expected = toDisplayText(text)
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
          .trim();
        expect(decode(label)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('stays in the grammar for any titles and labels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 6 }),
        (titles, labels) => {
          const diagram = diagramWith(titles, labels);
          const parsed = parseEmitted(toMermaid(diagram));
          expect(parsed.nodes.size).toBe(titles.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
