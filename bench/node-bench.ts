import { performance } from 'node:perf_hooks';
import { forecastDiagram, sensitivity } from '../src/forecast';
import { parseDiagramFile } from '../src/io/parse-file';
import { serializeDiagram } from '../src/io/serialize';
import { indexGraph } from '../src/model/graph';
import type { Diagram } from '../src/model/schema';
import { runAudit } from '../src/rules/engine';
import { layoutEdges } from '../src/drawing/edge-layout';
import { routeEdges } from '../src/drawing/edge-routes';
import { createSyntheticDiagram } from '../src/testing/synthetic';
import { summarize, type Summary } from './stats';

export interface NodeCase {
  readonly name: string;
  readonly nodes: number;
  readonly edges: number;
  /** Extra facts about the input, such as the file size. */
  readonly note?: string;
  readonly ms: Summary;
}

export interface NodeBenchOptions {
  readonly warmup: number;
  readonly runs: number;
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls. `prepare` builds each call's input
 * outside the timing, so that nothing but the work itself is measured.
 */
function time<T>(prepare: () => T, fn: (input: T) => unknown, options: NodeBenchOptions): Summary {
  let sink: unknown;
  for (let i = 0; i < options.warmup; i++) sink = fn(prepare());
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const input = prepare();
    const start = performance.now();
    sink = fn(input);
    samples.push(performance.now() - start);
  }
  if (sink === undefined) throw new Error('benchmark produced nothing');
  return summarize(samples);
}

/**
 * A fresh diagram object over the same nodes and edges, as every edit makes: the graph index
 * and the audit are cached per diagram object, so timing the same object twice would time a
 * cache hit.
 */
const nextVersion = (diagram: Diagram): Diagram => ({ ...diagram });

export function runNodeBench(options: NodeBenchOptions): NodeCase[] {
  const cases: NodeCase[] = [];
  const diagrams = new Map([100, 1_000, 5_000].map((n) => [n, createSyntheticDiagram(n, 2)]));
  const d = (n: number) => diagrams.get(n) as Diagram;

  for (const [n, diagram] of diagrams) {
    cases.push({
      name: `audit ${n.toLocaleString('en')}`,
      nodes: n,
      edges: diagram.edges.length,
      ms: time(() => nextVersion(diagram), runAudit, options),
    });
  }

  const text = serializeDiagram(d(5_000));
  const parsed = parseDiagramFile(text);
  if (!parsed.ok)
    throw new Error(`the synthetic diagram does not parse: ${parsed.problems[0]?.message}`);
  cases.push({
    name: 'parse 5,000 (text → parseDiagramFile)',
    nodes: 5_000,
    edges: d(5_000).edges.length,
    note: `${Math.round(text.length / 1024).toLocaleString('en')} KB pretty-printed file`,
    // A copy of the string, so no engine cache keyed on the string object can help.
    ms: time(() => text.slice(0), parseDiagramFile, options),
  });

  cases.push({
    name: 'forecast 5,000',
    nodes: 5_000,
    edges: d(5_000).edges.length,
    ms: time(() => nextVersion(d(5_000)), forecastDiagram, options),
  });
  // The Forecast panel's tornado chart: every rate and the ACV moved by ±20 %.
  cases.push({
    name: 'sensitivity 5,000',
    nodes: 5_000,
    edges: d(5_000).edges.length,
    ms: time(() => nextVersion(d(5_000)), sensitivity, options),
  });
  // In the editor the audit has often indexed the version the forecast reads: the rules that
  // read context.graph build the same cached index (model/graph.ts).
  cases.push({
    name: 'forecast 5,000, graph index shared with the audit',
    nodes: 5_000,
    edges: d(5_000).edges.length,
    ms: time(
      () => {
        const version = nextVersion(d(5_000));
        indexGraph(version);
        return version;
      },
      forecastDiagram,
      options,
    ),
  });
  // Edge routing round the cards (src/drawing): the canvas and every export route the whole
  // diagram on opening, then only the edges near what moved.
  for (const n of [30, 500]) {
    const diagram = createSyntheticDiagram(n, 2);
    cases.push({
      name: `route ${diagram.edges.length.toLocaleString('en')} edges`,
      nodes: n,
      edges: diagram.edges.length,
      ms: time(
        () => diagram,
        (d) => routeEdges(d.nodes, d.edges),
        options,
      ),
    });
  }
  const big = createSyntheticDiagram(500, 2);
  const before = layoutEdges(big.nodes, big.edges);
  cases.push({
    name: 'route 1,000 edges + chips after one card moved',
    nodes: 500,
    edges: big.edges.length,
    ms: time(
      () =>
        big.nodes.map((node, i) =>
          i === 250 ? { ...node, position: { x: node.position.x + 20, y: node.position.y } } : node,
        ),
      (nodes) => layoutEdges(nodes, big.edges, undefined, before),
      options,
    ),
  });
  return cases;
}
