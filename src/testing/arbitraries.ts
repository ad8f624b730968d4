/**
 * fast-check arbitraries for diagrams (test-only: nothing in the app imports this file).
 * `diagramArbitrary` makes files the parse gate must accept; `invalidDiagramText` makes files it
 * must refuse, each by one known mutation of a valid one.
 */
import fc from 'fast-check';
import { NODE_KINDS, type NodeKind } from '../model/layers';
import { METRIC_KEYS, RATE_KEYS } from '../model/metrics';
import {
  CHANNEL_TYPES,
  COMPANY_STAGES,
  EDGE_KINDS,
  LIMITS,
  MOTION_TYPES,
  PERIODS,
  PERSONA_ROLES,
  RULE_LEVELS,
  type Diagram,
  type DiagramEdge,
  type DiagramMeta,
  type DiagramNode,
  type Metric,
} from '../model/schema';
import { CURRENT_VERSION, FORMAT } from '../model/version';
import { RULES } from '../rules/registry';

/** Strings that have broken renderers, parsers and shells somewhere. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"]; click n0 call alert(1) %%',
  '%%{init: {"securityLevel": "loose"}}%%',
  '</text><foreignObject><iframe src="javascript:alert(1)"/></foreignObject>',
  "' onload='alert(1)",
  '&amp; &lt; &#60; #lt; #quot;',
  'line one\nline two\r\n```',
  'a|b]c[d{e}f(g)h;i#j',
  '\u0000\u0007\u001b[31mred\u007f\u0085',
  '\u202eevil\u202c',
  '👩‍💻 市场 שלום',
  '\ud800 lone \udfff',
  ']]><!-- --><?xml?>',
  '__proto__',
  'constructor',
  '${process.exit(1)}',
  '$(rm -rf ~)',
  '',
  ' ',
] as const;

const limited = (max: number, arbitrary: fc.Arbitrary<string>) =>
  arbitrary.map((text) => (text.length > max ? text.slice(0, max) : text));

/** Any text, weighted towards the hostile and the unusual. */
export function textArbitrary(max: number = LIMITS.title): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: limited(max, fc.string({ unit: 'grapheme', maxLength: 40 })) },
    { weight: 1, arbitrary: limited(max, fc.string({ unit: 'binary', maxLength: 40 })) },
  );
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-';
export const idArbitrary = fc.string({
  unit: fc.constantFrom(...ID_CHARS),
  minLength: 1,
  maxLength: 12,
});

/** Finite numbers in range, never -0 (JSON writes it as 0, so it cannot round-trip). */
function numberIn(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .oneof(
      fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) }),
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    )
    .map((value) => (Object.is(value, -0) ? 0 : value));
}

const metricArbitrary: fc.Arbitrary<Metric> = fc.oneof(
  fc.record(
    { key: fc.constantFrom(...RATE_KEYS), value: numberIn(0, 1), source: textArbitrary() },
    { requiredKeys: ['key', 'value'] },
  ),
  fc.record(
    {
      key: fc.constant('sales-cycle-days' as const),
      // A sales cycle is at least one day (schema).
      value: numberIn(1, LIMITS.days),
      source: textArbitrary(),
    },
    { requiredKeys: ['key', 'value'] },
  ),
);

const common = {
  metrics: fc.array(metricArbitrary, { maxLength: 4 }),
  notes: textArbitrary(LIMITS.text),
};
const textList = fc.array(textArbitrary(), { maxLength: 4 });
const optional = { requiredKeys: [] as [] };

const DATA: { [K in NodeKind]: fc.Arbitrary<unknown> } = {
  segment: fc.record(
    {
      ...common,
      industry: textArbitrary(),
      employees: textArbitrary(),
      revenue: textArbitrary(),
      techStack: textList,
      geography: textArbitrary(),
      growthSignals: textList,
    },
    optional,
  ),
  persona: fc.record({ ...common, role: fc.constantFrom(...PERSONA_ROLES) }, optional),
  positioning: fc.record(
    {
      ...common,
      targetSegment: textArbitrary(),
      problem: textArbitrary(),
      differentiator: textArbitrary(),
      proof: textArbitrary(),
    },
    optional,
  ),
  channel: fc.record(
    {
      ...common,
      channelType: fc.constantFrom(...CHANNEL_TYPES),
      volume: numberIn(0, LIMITS.volume),
      period: fc.constantFrom(...PERIODS),
      spend: numberIn(0, LIMITS.money),
    },
    optional,
  ),
  motion: fc.record(
    { ...common, motionType: fc.constantFrom(...MOTION_TYPES), acv: numberIn(0, LIMITS.money) },
    optional,
  ),
  stage: fc.record(
    {
      ...common,
      owner: textArbitrary(),
      entryCriteria: textList,
      exitCriteria: textList,
      nextAction: textArbitrary(),
      maxDays: fc.integer({ min: 0, max: LIMITS.days }),
    },
    optional,
  ),
  crm: fc.record({ ...common, vendor: textArbitrary() }, optional),
  enrichment: fc.record({ ...common, vendor: textArbitrary() }, optional),
  scoring: fc.record({ ...common, vendor: textArbitrary() }, optional),
  sequencing: fc.record({ ...common, vendor: textArbitrary() }, optional),
  reporting: fc.record({ ...common, vendor: textArbitrary() }, optional),
  tool: fc.record({ ...common, vendor: textArbitrary() }, optional),
};

function nodeArbitrary(id: string): fc.Arbitrary<DiagramNode> {
  return fc.constantFrom(...NODE_KINDS).chain((kind) =>
    fc
      .record(
        {
          title: textArbitrary(),
          position: fc.record({
            x: numberIn(-LIMITS.coordinate, LIMITS.coordinate),
            y: numberIn(-LIMITS.coordinate, LIMITS.coordinate),
          }),
          data: DATA[kind],
        },
        { requiredKeys: ['title', 'position'] },
      )
      .map((rest) => ({ id, kind, ...rest }) as DiagramNode),
  );
}

const benchmarkArbitrary = fc.record({
  min: numberIn(0, 1e6),
  max: numberIn(0, 1e6),
  redFlag: numberIn(0, 1e6),
  better: fc.constantFrom('higher' as const, 'lower' as const),
  label: textArbitrary(),
});

const dateArbitrary = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString().slice(0, 10));

const metaArbitrary: fc.Arbitrary<DiagramMeta> = fc.record(
  {
    companyStage: fc.constantFrom(...COMPANY_STAGES),
    lastReviewed: dateArbitrary,
    currency: fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 3,
      maxLength: 3,
    }),
    description: textArbitrary(LIMITS.text),
    benchmarks: fc.dictionary(fc.constantFrom(...METRIC_KEYS), benchmarkArbitrary, {
      maxKeys: 3,
    }),
  },
  optional,
);

// Only ids of real rules: the parse gate refuses settings for rules that do not exist.
const ruleIdArbitrary = fc.constantFrom(...RULES.map((rule) => rule.meta.id));

/** Diagrams the parse gate must accept: every kind, data, metrics, edges between real nodes. */
export function diagramArbitrary(
  options: { maxNodes?: number; maxEdges?: number } = {},
): fc.Arbitrary<Diagram> {
  const { maxNodes = 8, maxEdges = 12 } = options;
  return fc
    .uniqueArray(idArbitrary, { maxLength: maxNodes })
    .chain((nodeIds) => {
      const nodes = fc.tuple(...nodeIds.map((id) => nodeArbitrary(id)));
      const edges: fc.Arbitrary<DiagramEdge[]> =
        nodeIds.length < 2
          ? fc.constant([])
          : fc
              .uniqueArray(
                fc.record(
                  {
                    id: idArbitrary,
                    ends: fc
                      .tuple(fc.constantFrom(...nodeIds), fc.constantFrom(...nodeIds))
                      .filter(([source, target]) => source !== target),
                    label: textArbitrary(),
                    kind: fc.constantFrom(...EDGE_KINDS),
                    share: numberIn(0, 1),
                  },
                  { requiredKeys: ['id', 'ends'] },
                ),
                { selector: (edge) => edge.id, maxLength: maxEdges },
              )
              .map((list) =>
                list.map(({ ends, ...edge }) => ({ ...edge, source: ends[0], target: ends[1] })),
              );
      return fc.record(
        {
          name: textArbitrary(),
          meta: metaArbitrary,
          nodes,
          edges,
          rules: fc.dictionary(ruleIdArbitrary, fc.constantFrom(...RULE_LEVELS), { maxKeys: 3 }),
        },
        { requiredKeys: ['name', 'meta', 'nodes', 'edges'] },
      );
    })
    .map((rest) => ({ format: FORMAT, version: CURRENT_VERSION, ...rest }) as Diagram);
}

type Json = Record<string, unknown>;

/** One change that makes a valid file invalid, and the path its problem should name. */
export interface Mutation {
  readonly name: string;
  readonly apply: (file: Json, pick: number) => string;
}

function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

const nodesOf = (file: Json) => file.nodes as Json[];
const edgesOf = (file: Json) => file.edges as Json[];
const json = (file: unknown) => JSON.stringify(file);

/** Each mutation makes the file invalid whatever valid diagram it starts from. */
export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'unknown kind',
    apply: (file) => {
      nodesOf(file).push({ id: 'mutant', kind: 'webinar', title: 'x', position: { x: 0, y: 0 } });
      return json(file);
    },
  },
  {
    name: 'dangling edge end',
    apply: (file) => {
      edgesOf(file).push({ id: 'mutant-edge', source: 'ghost-a', target: 'ghost-b' });
      return json(file);
    },
  },
  {
    name: 'duplicate node id',
    apply: (file, pick) => {
      const node = pickFrom(nodesOf(file), pick) ?? {
        id: 'twin',
        kind: 'crm',
        title: '',
        position: { x: 0, y: 0 },
      };
      nodesOf(file).push(structuredClone(node));
      if (nodesOf(file).length === 1) nodesOf(file).push(structuredClone(node));
      return json(file);
    },
  },
  {
    name: 'duplicate edge id',
    apply: (file) => {
      nodesOf(file).push(
        { id: 'dup-a', kind: 'crm', title: '', position: { x: 0, y: 0 } },
        { id: 'dup-b', kind: 'crm', title: '', position: { x: 0, y: 0 } },
      );
      const edge = { id: 'dup-edge', source: 'dup-a', target: 'dup-b' };
      edgesOf(file).push(edge, { ...edge });
      return json(file);
    },
  },
  {
    name: 'self-loop',
    apply: (file) => {
      nodesOf(file).push({ id: 'loop', kind: 'stage', title: '', position: { x: 0, y: 0 } });
      edgesOf(file).push({ id: 'loop-edge', source: 'loop', target: 'loop' });
      return json(file);
    },
  },
  {
    name: 'rate outside 0..1',
    apply: (file, pick) => {
      const value = pick % 2 ? 1.5 : -0.01;
      nodesOf(file).push({
        id: 'rate',
        kind: 'channel',
        title: '',
        position: { x: 0, y: 0 },
        data: { metrics: [{ key: 'reply-rate', value }] },
      });
      return json(file);
    },
  },
  {
    name: 'non-finite number',
    apply: (file, pick) => {
      nodesOf(file).push({ id: 'inf', kind: 'crm', title: '', position: { x: 0, y: 12345.678 } });
      // An unescaped `"y":` cannot occur inside a JSON string, so this hits the number only.
      return json(file).replace('"y":12345.678}', `"y":${pick % 2 ? '-' : ''}1e999}`);
    },
  },
  {
    name: 'forbidden key',
    apply: (file, pick) => {
      const key = pickFrom(['__proto__', 'constructor', 'prototype'], pick) as string;
      const targets: Json[] = [file, ...nodesOf(file), ...edgesOf(file), file.meta as Json];
      const target = pickFrom(targets, pick >> 2) as Json;
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true });
      return json(file);
    },
  },
  {
    name: 'newer version',
    apply: (file, pick) => json({ ...file, version: CURRENT_VERSION + 1 + (pick % 5) }),
  },
  {
    name: 'format missing',
    apply: (file) => {
      delete file.format;
      return json(file);
    },
  },
  {
    name: 'unknown field',
    apply: (file, pick) => {
      const targets: Json[] = [file, ...nodesOf(file), ...edgesOf(file), file.meta as Json];
      (pickFrom(targets, pick) as Json).colour = 'red';
      return json(file);
    },
  },
  {
    name: 'required field missing',
    apply: (file, pick) => {
      const field = pickFrom(['name', 'nodes', 'edges', 'version'], pick) as string;
      delete file[field];
      return json(file);
    },
  },
  {
    name: 'wrong type',
    apply: (file, pick) => {
      nodesOf(file).push({
        id: 'typed',
        kind: 'segment',
        title: pick % 2 ? 42 : null,
        position: { x: '0', y: 0 },
      });
      return json(file);
    },
  },
  {
    name: 'text too long',
    apply: (file) => json({ ...file, name: 'x'.repeat(LIMITS.title + 1) }),
  },
  {
    name: 'bad id',
    apply: (file, pick) => {
      const id = pickFrom(['', 'has space', 'é', 'x'.repeat(LIMITS.id + 1), 'a/b'], pick);
      nodesOf(file).push({ id, kind: 'crm', title: '', position: { x: 0, y: 0 } });
      return json(file);
    },
  },
  {
    name: 'truncated text',
    apply: (file, pick) => {
      const text = json(file);
      return text.slice(0, pick % text.length);
    },
  },
];

/** Text of a file the gate must refuse: a valid diagram with one mutation applied. */
export function invalidDiagramText(): fc.Arbitrary<{ mutation: string; text: string }> {
  return fc
    .tuple(diagramArbitrary({ maxNodes: 5, maxEdges: 5 }), fc.constantFrom(...MUTATIONS), fc.nat())
    .map(([diagram, mutation, pick]) => ({
      mutation: mutation.name,
      text: mutation.apply(structuredClone(diagram) as Json, pick),
    }));
}
