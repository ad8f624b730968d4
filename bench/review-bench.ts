import { performance } from 'node:perf_hooks';
import { compareDiagrams } from '../src/review/compare-diagrams';
import { createSyntheticDiagram, createSyntheticRevision } from '../src/testing/synthetic';
import type { NodeBenchOptions, NodeCase } from './node-bench';
import { summarize } from './stats';

/**
 * Review figures (issue 14): comparing two 1,000-card versions, everything the Compare view
 * shows (structural diff, both audits, metric drift, both forecasts), from fresh objects so no
 * per-diagram cache helps.
 */
export function runReviewBench(options: NodeBenchOptions): NodeCase[] {
  const before = createSyntheticDiagram(1_000, 2);
  const after = createSyntheticRevision(before);
  const samples: number[] = [];
  let sink = 0;
  for (let i = 0; i < options.warmup + options.runs; i++) {
    const a = { ...before };
    const b = { ...after };
    const start = performance.now();
    const comparison = compareDiagrams(a, b);
    const ms = performance.now() - start;
    sink += comparison.diff.nodes.changed.length;
    if (i >= options.warmup) samples.push(ms);
  }
  if (sink === 0) throw new Error('the compare benchmark found no changes');
  return [
    {
      name: 'compare 1,000 with 1,000 (diff, audits, drift, forecasts)',
      nodes: 1_000,
      edges: before.edges.length,
      ms: summarize(samples),
    },
  ];
}
