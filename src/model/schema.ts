import { z } from 'zod';
import type { NODE_KINDS } from './layers';
import { METRIC_KEYS, RATE_KEYS } from './metrics';
import { CURRENT_VERSION, FORMAT } from './version';

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
} as const;

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: 'must use only letters, digits, "_", "-", "." or ":"' })
  .min(1)
  .max(LIMITS.id);
const text = z.string().max(LIMITS.text);
const textList = z.array(text).max(LIMITS.list);
const money = z.number().min(0).max(LIMITS.money);

const rateMetric = z.strictObject({
  key: z.enum(RATE_KEYS),
  value: z.number().min(0, { error: 'a rate is a fraction from 0 to 1' }).max(1, {
    error: 'a rate is a fraction from 0 to 1 (write 3% as 0.03)',
  }),
  source: text.optional(),
});
const daysMetric = z.strictObject({
  key: z.literal('sales-cycle-days'),
  value: z.number().min(0).max(LIMITS.days),
  source: text.optional(),
});
export const metricSchema = z.discriminatedUnion('key', [rateMetric, daysMetric]);

const common = {
  metrics: z
    .array(metricSchema)
    .max(METRIC_KEYS.length * 2)
    .optional(),
  notes: text.optional(),
};

const revopsData = z.strictObject({ ...common, vendor: text.optional() });

export const nodeDataSchemas = {
  segment: z.strictObject({
    ...common,
    industry: text.optional(),
    employees: text.optional(),
    revenue: text.optional(),
    techStack: textList.optional(),
    geography: text.optional(),
    growthSignals: textList.optional(),
  }),
  persona: z.strictObject({ ...common, role: z.enum(PERSONA_ROLES).optional() }),
  positioning: z.strictObject({
    ...common,
    targetSegment: text.optional(),
    problem: text.optional(),
    differentiator: text.optional(),
    proof: text.optional(),
  }),
  channel: z.strictObject({
    ...common,
    channelType: z.enum(CHANNEL_TYPES).optional(),
    volume: z.number().min(0).max(LIMITS.volume).optional(),
    period: z.enum(PERIODS).optional(),
    spend: money.optional(),
  }),
  motion: z.strictObject({
    ...common,
    motionType: z.enum(MOTION_TYPES).optional(),
    acv: money.optional(),
  }),
  stage: z.strictObject({
    ...common,
    owner: text.optional(),
    entryCriteria: textList.optional(),
    exitCriteria: textList.optional(),
    nextAction: text.optional(),
    maxDays: z.int().min(0).max(LIMITS.days).optional(),
  }),
  crm: revopsData,
  enrichment: revopsData,
  scoring: revopsData,
  sequencing: revopsData,
  reporting: revopsData,
  tool: revopsData,
} as const satisfies Record<(typeof NODE_KINDS)[number], z.ZodType>;

const position = z.strictObject({
  x: z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate),
  y: z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate),
});

const title = z.string().max(LIMITS.title);

// Spelled out per kind (not built by a generic helper) so that TypeScript narrows `data` by `kind`;
// keys in file order: id, kind, title, position, data.
export const nodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    kind: z.literal('segment'),
    title,
    position,
    data: nodeDataSchemas.segment.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('persona'),
    title,
    position,
    data: nodeDataSchemas.persona.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('positioning'),
    title,
    position,
    data: nodeDataSchemas.positioning.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('channel'),
    title,
    position,
    data: nodeDataSchemas.channel.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('motion'),
    title,
    position,
    data: nodeDataSchemas.motion.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('stage'),
    title,
    position,
    data: nodeDataSchemas.stage.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('crm'),
    title,
    position,
    data: nodeDataSchemas.crm.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('enrichment'),
    title,
    position,
    data: nodeDataSchemas.enrichment.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('scoring'),
    title,
    position,
    data: nodeDataSchemas.scoring.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('sequencing'),
    title,
    position,
    data: nodeDataSchemas.sequencing.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('reporting'),
    title,
    position,
    data: nodeDataSchemas.reporting.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('tool'),
    title,
    position,
    data: nodeDataSchemas.tool.optional(),
  }),
]);

export const edgeSchema = z.strictObject({
  id,
  source: id,
  target: id,
  label: z.string().max(LIMITS.title).optional(),
  kind: z.enum(EDGE_KINDS).optional(),
  /** Share of a stage's outflow that takes this edge when it has several (forecast). */
  share: z.number().min(0).max(1).optional(),
});

export const benchmarkSchema = z.strictObject({
  min: z.number().min(0),
  max: z.number().min(0),
  redFlag: z.number().min(0),
  better: z.enum(['higher', 'lower']),
  label: z.string().max(LIMITS.title),
});

export const metaSchema = z.strictObject({
  companyStage: z.enum(COMPANY_STAGES).optional(),
  lastReviewed: z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code such as USD' })
    .optional(),
  description: text.optional(),
  benchmarks: z.partialRecord(z.enum(METRIC_KEYS), benchmarkSchema).optional(),
});

export const ruleSettingsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'a rule id is lower-case words joined by "-"' }),
  z.enum(RULE_LEVELS),
);

export const diagramSchema = z.strictObject({
  $schema: z.string().max(LIMITS.text).optional(),
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  name: z.string().max(LIMITS.title),
  meta: metaSchema.default({}),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  rules: ruleSettingsSchema.optional(),
});

export type Diagram = z.infer<typeof diagramSchema>;
export type DiagramInput = z.input<typeof diagramSchema>;
export type DiagramNode = z.infer<typeof nodeSchema>;
export type DiagramEdge = z.infer<typeof edgeSchema>;
export type DiagramMeta = z.infer<typeof metaSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type EdgeKind = (typeof EDGE_KINDS)[number];
export type RuleLevel = (typeof RULE_LEVELS)[number];
export type CompanyStage = (typeof COMPANY_STAGES)[number];
export type PersonaRole = (typeof PERSONA_ROLES)[number];
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export type Period = (typeof PERIODS)[number];
export type MotionType = (typeof MOTION_TYPES)[number];
export type NodeData<K extends DiagramNode['kind']> = NonNullable<
  Extract<DiagramNode, { kind: K }>['data']
>;
export type AnyNodeData = NonNullable<DiagramNode['data']>;
