/**
 * The five GTM layers, top to bottom (domain §2), and the node kinds that belong to each.
 * `kind` fixes the layer: a node never chooses its layer separately.
 */
export const LAYER_IDS = ['icp', 'positioning', 'channels', 'sales', 'revops'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const NODE_KINDS = [
  'segment',
  'persona',
  'positioning',
  'channel',
  'motion',
  'stage',
  'crm',
  'enrichment',
  'scoring',
  'sequencing',
  'reporting',
  'tool',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const LAYER_OF_KIND: Readonly<Record<NodeKind, LayerId>> = {
  segment: 'icp',
  persona: 'icp',
  positioning: 'positioning',
  channel: 'channels',
  motion: 'sales',
  stage: 'sales',
  crm: 'revops',
  enrichment: 'revops',
  scoring: 'revops',
  sequencing: 'revops',
  reporting: 'revops',
  tool: 'revops',
};

export interface LayerInfo {
  readonly id: LayerId;
  readonly label: string;
  readonly shortLabel: string;
  readonly kinds: readonly NodeKind[];
}

export const LAYERS: readonly LayerInfo[] = [
  {
    id: 'icp',
    label: 'ICP & personas',
    shortLabel: 'ICP',
    kinds: ['segment', 'persona'],
  },
  { id: 'positioning', label: 'Positioning', shortLabel: 'Positioning', kinds: ['positioning'] },
  { id: 'channels', label: 'Channels', shortLabel: 'Channels', kinds: ['channel'] },
  { id: 'sales', label: 'Sales motion', shortLabel: 'Sales', kinds: ['motion', 'stage'] },
  {
    id: 'revops',
    label: 'RevOps',
    shortLabel: 'RevOps',
    kinds: ['crm', 'enrichment', 'scoring', 'sequencing', 'reporting', 'tool'],
  },
];

export const KIND_LABEL: Readonly<Record<NodeKind, string>> = {
  segment: 'Segment',
  persona: 'Persona',
  positioning: 'Positioning',
  channel: 'Channel',
  motion: 'Motion',
  stage: 'Stage',
  crm: 'CRM',
  enrichment: 'Enrichment',
  scoring: 'Scoring',
  sequencing: 'Sequencing',
  reporting: 'Reporting',
  tool: 'Tool',
};

export function layerOf(kind: NodeKind): LayerId {
  return LAYER_OF_KIND[kind];
}

export function layerIndex(layer: LayerId): number {
  return LAYER_IDS.indexOf(layer);
}

export function layerInfo(layer: LayerId): LayerInfo {
  // LAYERS is built from LAYER_IDS in the same order, so the index always hits.
  return LAYERS[layerIndex(layer)] as LayerInfo;
}
