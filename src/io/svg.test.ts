// @vitest-environment jsdom
// jsdom only supplies a strict XML parser to check the output; svg.ts itself never sees a DOM.
import { CURRENT_VERSION } from '../model/version';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/bands';
import type { Diagram, DiagramNode } from '../model/schema';
import { parseDiagramFile } from './parse-file';
import { LAYER_PALETTE } from '../model/layer-palette';
import { BADGE_COLORS, escapeXml, toSvg, wrapText } from './svg';
import { approximateMeasure, type TextMeasure } from './text-measure';
import { layoutEdges } from '../drawing/edge-layout';
import { cardRect } from '../drawing/edge-routes';
import { rectsOverlap, segmentCrossesRect } from '../drawing/geometry';
import { routePath } from '../drawing/route-path';

function fixture(name: string): Diagram {
  const parsed = parseDiagramFile(readFileSync(`tests/fixtures/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(`fixture ${name} does not parse`);
  return parsed.diagram;
}

/** Every element and attribute the renderer may write: anything else is an injection. */
const ELEMENTS = new Set([
  'svg',
  'title',
  'defs',
  'marker',
  'path',
  'rect',
  'g',
  'text',
  'tspan',
  'line',
  'circle',
]);
const ATTRIBUTES = new Set(
  (
    'xmlns width height viewBox font-family role aria-labelledby id x y x1 y1 x2 y2 rx fill ' +
    'stroke stroke-width stroke-opacity stroke-dasharray d marker-end refX refY markerWidth ' +
    'markerHeight markerUnits orient font-size font-weight letter-spacing text-anchor cx cy r ' +
    'data-kind data-part'
  ).split(' '),
);

function parseSvg(svg: string): Document {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
  return document;
}

function expectOnlyKnownMarkup(document: Document) {
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    expect(ELEMENTS, element.tagName).toContain(element.tagName);
    for (const attribute of Array.from(element.attributes)) {
      expect(ATTRIBUTES, attribute.name).toContain(attribute.name);
      expect(attribute.value).not.toMatch(/javascript:|<|>/i);
    }
  }
}

function diagramOf(nodes: DiagramNode[], edges: Diagram['edges'] = []): Diagram {
  return {
    format: 'gtm-blueprint',
    version: CURRENT_VERSION,
    name: 'Test',
    meta: {},
    nodes,
    edges,
  };
}

/** A grid of `count` cards over the five bands, each wired to the next. */
function gridDiagram(count: number): Diagram {
  const kinds = ['segment', 'positioning', 'channel', 'stage', 'crm'] as const;
  const nodes = Array.from({ length: count }, (_, i) => {
    const layer = i % 5;
    return {
      id: `n${i}`,
      kind: kinds[layer] as (typeof kinds)[number],
      title: `Node ${i} with a title long enough to wrap onto a second line`,
      position: { x: 40 + Math.floor(i / 5) * 280, y: layer * 260 + 56 },
      data: { notes: 'Some notes that give the card a detail line to wrap as well.' },
    } as DiagramNode;
  });
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i}`,
    source: `n${i}`,
    target: node.id,
    label: `handoff ${i}`,
    kind: (['handoff', 'dataflow', 'feedback'] as const)[i % 3],
  }));
  return diagramOf(nodes, edges);
}

describe('toSvg', () => {
  it('draws the template as a standalone, well-formed file (snapshot)', () => {
    const { svg, width, height } = toSvg(fixture('export-template'), {
      measure: approximateMeasure,
      date: '2026-01-15',
    });
    expect(svg).toMatchSnapshot();
    const document = parseSvg(svg);
    const root = document.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    expect(root.getAttribute('viewBox')?.split(' ').slice(2)).toEqual([
      String(width),
      String(height),
    ]);
    expectOnlyKnownMarkup(document);
    expect(svg).not.toContain('foreignObject');
    const bandLabels = Array.from(root.querySelectorAll(':scope > g:not([data-part]) > text'))
      .map((text) => text.textContent)
      .slice(0, 5);
    expect(bandLabels).toEqual([
      'ICP & personas',
      'Positioning',
      'Channels',
      'Sales motion',
      'RevOps',
    ]);
  });

  it('has a header with the name, the date and a legend of edge kinds', () => {
    const diagram = fixture('export-template');
    const { svg } = toSvg(diagram, { measure: approximateMeasure, date: '2026-01-15' });
    const legend = parseSvg(svg).querySelector('[data-part="legend"]');
    const texts = Array.from(legend?.querySelectorAll('text') ?? []).map((t) => t.textContent);
    expect(texts[0]).toBe(diagram.name);
    expect(texts[1]).toMatch(/^Exported 2026-01-15 · \d+ cards · \d+ edges$/);
    expect(texts.slice(2)).toEqual(['Handoff', 'Data flow', 'Feedback (round the right side)']);
    expect(toSvg(diagram, { measure: approximateMeasure, date: null }).svg).not.toContain(
      'Exported',
    );
  });

  it('draws the routes and chips the canvas draws: round the cards, chips clear of them', () => {
    const diagram = fixture('export-template');
    const { svg } = toSvg(diagram, { measure: approximateMeasure });
    const layout = layoutEdges(diagram.nodes, diagram.edges);
    const drawn = Array.from(parseSvg(svg).querySelectorAll('path[marker-end]')).map((p) =>
      p.getAttribute('d'),
    );
    expect(drawn).toEqual([...layout.routes.values()].map((route) => routePath(route.points)));
    for (const route of layout.routes.values()) {
      for (const node of diagram.nodes) {
        const crossing = route.points
          .slice(1)
          .some((b, i) => segmentCrossesRect(route.points[i]!, b, cardRect(node)));
        expect({ edge: route.edge.id, node: node.id, crossing }).toMatchObject({ crossing: false });
      }
    }
    const chips = Array.from(parseSvg(svg).querySelectorAll('g[data-part="label"] > rect')).map(
      (r) => ({
        x: Number(r.getAttribute('x')),
        y: Number(r.getAttribute('y')),
        width: Number(r.getAttribute('width')),
        height: Number(r.getAttribute('height')),
      }),
    );
    expect(chips.length).toBe(diagram.edges.filter((e) => e.label).length);
    for (const chip of chips) {
      for (const node of diagram.nodes) expect(rectsOverlap(chip, cardRect(node))).toBe(false);
    }
  });

  it('is deterministic', () => {
    const diagram = fixture('export-template');
    expect(toSvg(diagram, { measure: approximateMeasure }).svg).toBe(
      toSvg(structuredClone(diagram), { measure: approximateMeasure }).svg,
    );
  });

  it('draws edge kinds apart: handoff solid, dataflow thin, feedback dashed', () => {
    const { svg } = toSvg(fixture('export-template'), { measure: approximateMeasure });
    const paths = Array.from(parseSvg(svg).querySelectorAll('path[marker-end]'));
    const byKind = (kind: string) =>
      paths.filter((path) => path.getAttribute('marker-end') === `url(#gtm-arrow-${kind})`);
    expect(byKind('handoff')).toHaveLength(7);
    expect(byKind('dataflow')).toHaveLength(4);
    expect(byKind('feedback')).toHaveLength(1);
    expect(byKind('handoff')[0]?.getAttribute('stroke-dasharray')).toBeNull();
    expect(Number(byKind('dataflow')[0]?.getAttribute('stroke-width'))).toBeLessThan(
      Number(byKind('handoff')[0]?.getAttribute('stroke-width')),
    );
    expect(byKind('feedback')[0]?.getAttribute('stroke-dasharray')).toBeTruthy();
  });

  it('sizes the picture to the nodes plus margins, whatever the viewport was', () => {
    const far: DiagramNode = {
      id: 'far',
      kind: 'crm',
      title: 'Far away',
      position: { x: 5000, y: 2000 },
    };
    const near: DiagramNode = {
      id: 'near',
      kind: 'segment',
      title: 'Near',
      position: { x: -300, y: -100 },
    };
    const { svg, width, height } = toSvg(diagramOf([far, near]), { measure: approximateMeasure });
    const [left, top] = (parseSvg(svg).documentElement.getAttribute('viewBox') ?? '')
      .split(' ')
      .map(Number) as [number, number];
    for (const { position } of [far, near]) {
      expect(position.x).toBeGreaterThanOrEqual(left);
      expect(position.y).toBeGreaterThanOrEqual(top);
      expect(position.x + NODE_WIDTH).toBeLessThanOrEqual(left + width);
      expect(position.y + NODE_HEIGHT).toBeLessThanOrEqual(top + height);
    }
    expect(left).toBe(-340);
    expect(left + width).toBe(5000 + NODE_WIDTH + 40);
  });

  it('draws the five bands even for an empty diagram', () => {
    const { svg, width, height } = toSvg(diagramOf([]), { measure: approximateMeasure });
    expect(width).toBe(640);
    // Five 260 px bands under the 76 px header.
    expect(height).toBe(1300 + 76);
    const document = parseSvg(svg);
    const fills = Array.from(document.querySelectorAll('rect')).map((rect) =>
      rect.getAttribute('fill'),
    );
    for (const palette of Object.values(LAYER_PALETTE)) expect(fills).toContain(palette.band);
  });

  it('keeps hostile text inert and shows it as written', () => {
    const diagram = fixture('hostile-strings');
    const { svg } = toSvg(diagram, { measure: approximateMeasure, background: '"/><script>' });
    const document = parseSvg(svg);
    expectOnlyKnownMarkup(document);
    expect(svg).not.toMatch(/<script|<foreignObject|<iframe|<!--|<\?xml|<!\[CDATA/i);
    // eslint-disable-next-line no-control-regex
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/);
    const texts = Array.from(document.querySelectorAll('text, title')).map((t) => t.textContent);
    const all = texts.join('\n');
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain("' onload='alert(1)");
    expect(all).toContain('&amp; &lt; &#60; #lt; #quot;');
    expect(all).toContain('[31mred');
    expect(all).toContain('市场');
  });

  it('draws audit badges with the count and a colour per severity', () => {
    const diagram = fixture('export-template');
    const badges = new Map([
      ['ch-outbound', { count: 2, severity: 'error' as const }],
      ['st-sql', { count: 1, severity: 'warning' as const }],
      ['ro-crm', { count: 120, severity: 'info' as const }],
      ['motion', { count: 0, severity: 'error' as const }],
    ]);
    const document = parseSvg(toSvg(diagram, { measure: approximateMeasure, badges }).svg);
    const circles = Array.from(document.querySelectorAll('circle'));
    expect(circles.map((circle) => circle.getAttribute('fill'))).toEqual([
      BADGE_COLORS.error,
      BADGE_COLORS.warning,
      BADGE_COLORS.info,
    ]);
    const labels = circles.map((circle) => circle.parentElement?.textContent);
    expect(labels).toEqual(['2 errors2', '1 warning1', '120 suggestions99+']);
  });

  it('renders 1,000 nodes well within a frame budget', () => {
    const diagram = gridDiagram(1000);
    toSvg(diagram, { measure: approximateMeasure });
    // CPU time, not wall time: on a busy machine other processes' turns are not ours.
    const started = process.cpuUsage();
    const { svg } = toSvg(diagram, { measure: approximateMeasure });
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(svg.split('<g data-kind=').length - 1).toBe(1000);
    // The target is under 100 ms; the bound leaves room for a loaded CI machine.
    expect(elapsed).toBeLessThan(500);
  });
});

describe('wrapText', () => {
  const mono: TextMeasure = (text) => Array.from(text).length * 10;

  it('wraps at spaces and ends a cut text with an ellipsis that fits', () => {
    expect(wrapText('one two three four', 'f', 90, 3, mono)).toEqual({
      lines: ['one two', 'three', 'four'],
      truncated: false,
    });
    const cut = wrapText('one two three four five six', 'f', 90, 2, mono);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toEqual(['one two', 'three…']);
    for (const line of cut.lines) expect(mono(line, 'f')).toBeLessThanOrEqual(90);
  });

  it('splits a word too long for a line without breaking a surrogate pair', () => {
    const { lines } = wrapText('👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻 ok', 'f', 40, 5, mono);
    for (const line of lines) {
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      expect(mono(line, 'f')).toBeLessThanOrEqual(40);
    }
  });

  it('turns newlines and runs of spaces into one space', () => {
    expect(wrapText('a\n\n b\t c', 'f', 1000, 1, mono).lines).toEqual(['a b c']);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u001bc\ud800d\ufffee\u202ef')).toBe('abcdef');
    expect(escapeXml('👍 ok')).toBe('👍 ok');
  });
});

describe('background', () => {
  it('takes a colour and ignores anything else', () => {
    const fillOf = (background: string) =>
      parseSvg(toSvg(diagramOf([]), { measure: approximateMeasure, background }).svg)
        .querySelector('svg > rect')
        ?.getAttribute('fill');
    expect(fillOf('#0f172a')).toBe('#0f172a');
    expect(fillOf('transparent')).toBe('transparent');
    expect(fillOf('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(fillOf('"/><script>')).toBe('#ffffff');
    expect(fillOf('url(javascript:alert(1))')).toBe('#ffffff');
  });
});
