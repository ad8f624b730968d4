import * as z from 'zod/mini';
import type { NODE_KINDS } from './layers';
import { METRIC_KEYS, RATE_KEYS } from './metrics';
import { CURRENT_VERSION, FORMAT } from './version';

// zod/mini: the same validation core as zod, a fraction of its size in the start-up bundle.
// The built app runs under a CSP without 'unsafe-eval'; zod's JIT would try `new Function`.
z.config({ jitless: true });

export const COMPANY_STAGES = ['pre-seed', 'seed', 'series-a', 'series-b', 'growth'] as const;
export const PERSONA_ROLES = [
  'economic-buyer',
  'champion',
  'technical-evaluator',
  'end-user',
  'blocker',
] as const;
export const CHANNEL_TYPES = ['outbound', 'inbound', 'paid', 'events', 'partnerships'] as const;
export const PERIODS = ['week', 'month', 'quarter'] as const;
export const MOTION_TYPES = ['sales-led', 'product-led', 'hybrid'] as const;
export const EDGE_KINDS = ['handoff', 'dataflow', 'feedback'] as const;
/** The side of a card an edge leaves or enters by: top, bottom, left, right. */
export const EDGE_SIDES = ['t', 'b', 'l', 'r'] as const;
export const RULE_LEVELS = ['off', 'warning', 'error'] as const;

export const LIMITS = {
  id: 64,
  title: 200,
  text: 2000,
  list: 50,
  coordinate: 1_000_000,
  money: 1e12,
  volume: 1e9,
  days: 3650,
  /** A comment's text; threads per diagram and messages per thread. */
  comment: 4000,
  threads: 2000,
  messages: 500,
  author: 80,
  /** CRM stage names remembered in a deals-import mapping. */
  stageMap: 500,
} as const;

const id = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_.:-]+$/, { error: 'must use only letters, digits, "_", "-", "." or ":"' }),
    z.minLength(1),
    z.maxLength(LIMITS.id),
  );
const text = z.string().check(z.maxLength(LIMITS.text));
const textList = z.array(text).check(z.maxLength(LIMITS.list));
const money = z.number().check(z.gte(0), z.lte(LIMITS.money));

const rateMetric = z.strictObject({
  key: z.enum(RATE_KEYS),
  value: z
    .number()
    .check(
      z.gte(0, { error: 'a rate is a fraction from 0 to 1' }),
      z.lte(1, { error: 'a rate is a fraction from 0 to 1 (write 3% as 0.03)' }),
    ),
  source: z.optional(text),
});
// A cycle under a day is a typo, and a near-zero one would send sales velocity to infinity.
const daysMetric = z.strictObject({
  key: z.literal('sales-cycle-days'),
  value: z.number().check(z.gte(1), z.lte(LIMITS.days)),
  source: z.optional(text),
});
export const metricSchema = z.discriminatedUnion('key', [rateMetric, daysMetric]);

const common = {
  metrics: z.optional(z.array(metricSchema).check(z.maxLength(METRIC_KEYS.length * 2))),
  notes: z.optional(text),
};

const revopsData = z.strictObject({ ...common, vendor: z.optional(text) });

export const nodeDataSchemas = {
  segment: z.strictObject({
    ...common,
    industry: z.optional(text),
    employees: z.optional(text),
    revenue: z.optional(text),
    techStack: z.optional(textList),
    geography: z.optional(text),
    growthSignals: z.optional(textList),
  }),
  persona: z.strictObject({ ...common, role: z.optional(z.enum(PERSONA_ROLES)) }),
  positioning: z.strictObject({
    ...common,
    targetSegment: z.optional(text),
    problem: z.optional(text),
    differentiator: z.optional(text),
    proof: z.optional(text),
  }),
  channel: z.strictObject({
    ...common,
    channelType: z.optional(z.enum(CHANNEL_TYPES)),
    volume: z.optional(z.number().check(z.gte(0), z.lte(LIMITS.volume))),
    period: z.optional(z.enum(PERIODS)),
    spend: z.optional(money),
  }),
  motion: z.strictObject({
    ...common,
    motionType: z.optional(z.enum(MOTION_TYPES)),
    acv: z.optional(money),
  }),
  stage: z.strictObject({
    ...common,
    owner: z.optional(text),
    entryCriteria: z.optional(textList),
    exitCriteria: z.optional(textList),
    nextAction: z.optional(text),
    maxDays: z.optional(z.int().check(z.gte(0), z.lte(LIMITS.days))),
  }),
  crm: revopsData,
  enrichment: revopsData,
  scoring: revopsData,
  sequencing: revopsData,
  reporting: revopsData,
  tool: revopsData,
} as const satisfies Record<(typeof NODE_KINDS)[number], z.ZodMiniType>;

const position = z.strictObject({
  x: z.number().check(z.gte(-LIMITS.coordinate), z.lte(LIMITS.coordinate)),
  y: z.number().check(z.gte(-LIMITS.coordinate), z.lte(LIMITS.coordinate)),
});

const title = z.string().check(z.maxLength(LIMITS.title));
/** A card's title, for forms that check one field at a time. */
export const titleSchema = title;

// Spelled out per kind (not built by a generic helper) so that TypeScript narrows `data` by `kind`;
// keys in file order: id, kind, title, position, data.
export const nodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    kind: z.literal('segment'),
    title,
    position,
    data: z.optional(nodeDataSchemas.segment),
  }),
  z.strictObject({
    id,
    kind: z.literal('persona'),
    title,
    position,
    data: z.optional(nodeDataSchemas.persona),
  }),
  z.strictObject({
    id,
    kind: z.literal('positioning'),
    title,
    position,
    data: z.optional(nodeDataSchemas.positioning),
  }),
  z.strictObject({
    id,
    kind: z.literal('channel'),
    title,
    position,
    data: z.optional(nodeDataSchemas.channel),
  }),
  z.strictObject({
    id,
    kind: z.literal('motion'),
    title,
    position,
    data: z.optional(nodeDataSchemas.motion),
  }),
  z.strictObject({
    id,
    kind: z.literal('stage'),
    title,
    position,
    data: z.optional(nodeDataSchemas.stage),
  }),
  z.strictObject({
    id,
    kind: z.literal('crm'),
    title,
    position,
    data: z.optional(nodeDataSchemas.crm),
  }),
  z.strictObject({
    id,
    kind: z.literal('enrichment'),
    title,
    position,
    data: z.optional(nodeDataSchemas.enrichment),
  }),
  z.strictObject({
    id,
    kind: z.literal('scoring'),
    title,
    position,
    data: z.optional(nodeDataSchemas.scoring),
  }),
  z.strictObject({
    id,
    kind: z.literal('sequencing'),
    title,
    position,
    data: z.optional(nodeDataSchemas.sequencing),
  }),
  z.strictObject({
    id,
    kind: z.literal('reporting'),
    title,
    position,
    data: z.optional(nodeDataSchemas.reporting),
  }),
  z.strictObject({
    id,
    kind: z.literal('tool'),
    title,
    position,
    data: z.optional(nodeDataSchemas.tool),
  }),
]);

export const edgeSchema = z.strictObject({
  id,
  source: id,
  target: id,
  label: z.optional(z.string().check(z.maxLength(LIMITS.title))),
  kind: z.optional(z.enum(EDGE_KINDS)),
  /** The handles the edge was drawn between; without them the sides follow the cards' places. */
  sourceSide: z.optional(z.enum(EDGE_SIDES)),
  targetSide: z.optional(z.enum(EDGE_SIDES)),
  /** Share of a stage's outflow that takes this edge when it has several (forecast). */
  share: z.optional(z.number().check(z.gte(0), z.lte(1))),
});

export const benchmarkSchema = z.strictObject({
  min: z.number().check(z.gte(0)),
  max: z.number().check(z.gte(0)),
  redFlag: z.number().check(z.gte(0)),
  better: z.enum(['higher', 'lower']),
  label: z.string().check(z.maxLength(LIMITS.title)),
});

export const metaSchema = z.strictObject({
  companyStage: z.optional(z.enum(COMPANY_STAGES)),
  lastReviewed: z.optional(z.iso.date({ error: 'must be a date written YYYY-MM-DD' })),
  /** When the diagram was started: the editor's drafting view holds "never reviewed" for a week. */
  created: z.optional(z.iso.date({ error: 'must be a date written YYYY-MM-DD' })),
  currency: z.optional(
    z
      .string()
      .check(z.regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code such as USD' })),
  ),
  description: z.optional(text),
  benchmarks: z.optional(z.partialRecord(z.enum(METRIC_KEYS), benchmarkSchema)),
});

const ruleId = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]*$/, { error: 'a rule id is lower-case words joined by "-"' }));

/**
 * A rule's setting: a level alone, or a level with options (thresholds), in the spirit of
 * ESLint's `["warn", { … }]` but as an object so each part is named in the file.
 */
export const ruleSettingSchema = z.union([
  z.enum(RULE_LEVELS),
  z.strictObject({
    level: z.enum(RULE_LEVELS),
    options: z.optional(
      z.record(
        z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { error: 'an option name is a word' })),
        z.number(),
      ),
    ),
  }),
]);

export const ruleSettingsSchema = z.record(ruleId, ruleSettingSchema);

const isoDateTime = z.iso.datetime({
  error: 'must be a date and time such as 2026-12-03T09:30:00Z',
});

export const commentMessageSchema = z.strictObject({
  id,
  author: z.string().check(z.maxLength(LIMITS.author)),
  text: z.string().check(z.minLength(1), z.maxLength(LIMITS.comment)),
  createdAt: isoDateTime,
  editedAt: z.optional(isoDateTime),
});

/** What a thread is about. A finding's thread names the rule and the element it points at. */
export const commentTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('node'), id }),
  z.strictObject({ type: z.literal('edge'), id }),
  z.strictObject({
    type: z.literal('finding'),
    ruleId,
    element: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('diagram') }),
      z.strictObject({ type: z.literal('node'), id }),
      z.strictObject({ type: z.literal('edge'), id }),
    ]),
  }),
]);

export const commentThreadSchema = z.strictObject({
  id,
  target: commentTargetSchema,
  resolved: z.optional(z.boolean()),
  messages: z.array(commentMessageSchema).check(z.minLength(1), z.maxLength(LIMITS.messages)),
});

/**
 * How a CRM deals export maps onto the diagram (format version 2): CRM stage name → a stage
 * node id, or one of the outcome markers. The deals themselves never enter the file.
 */
export const STAGE_OUTCOMES = ['@won', '@lost', '@ignore'] as const;
export const actualsSchema = z.strictObject({
  stageMap: z
    .record(
      z.string().check(z.minLength(1), z.maxLength(LIMITS.title)),
      z.union([id, z.enum(STAGE_OUTCOMES)]),
    )
    .check(
      z.refine((map) => Object.keys(map).length <= LIMITS.stageMap, {
        error: `maps at most ${LIMITS.stageMap} CRM stages`,
      }),
    ),
  /** Where the figures came from, e.g. "HubSpot export". */
  source: z.optional(z.string().check(z.maxLength(LIMITS.title))),
  importedAt: z.optional(z.iso.date({ error: 'must be a date written YYYY-MM-DD' })),
});

export const diagramSchema = z.strictObject({
  $schema: z.optional(z.string().check(z.maxLength(LIMITS.text))),
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z.string().check(z.maxLength(LIMITS.title)),
  meta: z._default(metaSchema, {}),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  rules: z.optional(ruleSettingsSchema),
  comments: z.optional(z.array(commentThreadSchema).check(z.maxLength(LIMITS.threads))),
  actuals: z.optional(actualsSchema),
});

export type Diagram = z.infer<typeof diagramSchema>;
export type DiagramNode = z.infer<typeof nodeSchema>;
export type DiagramEdge = z.infer<typeof edgeSchema>;
export type DiagramMeta = z.infer<typeof metaSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export type EdgeSide = (typeof EDGE_SIDES)[number];
export type RuleLevel = (typeof RULE_LEVELS)[number];
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type CommentMessage = z.infer<typeof commentMessageSchema>;
export type CommentTarget = z.infer<typeof commentTargetSchema>;
export type Actuals = z.infer<typeof actualsSchema>;
export type CompanyStage = (typeof COMPANY_STAGES)[number];
export type PersonaRole = (typeof PERSONA_ROLES)[number];
export type Period = (typeof PERIODS)[number];
export type NodeData<K extends DiagramNode['kind']> = NonNullable<
  Extract<DiagramNode, { kind: K }>['data']
>;
export type AnyNodeData = NonNullable<DiagramNode['data']>;
