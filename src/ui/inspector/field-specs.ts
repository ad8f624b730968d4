import type { NodeKind } from '../../model/layers';
import { CHANNEL_TYPES, MOTION_TYPES, PERIODS, PERSONA_ROLES } from '../../model/schema';

export type FieldSpec =
  | { key: string; label: string; type: 'text'; placeholder?: string; multiline?: boolean }
  | {
      key: string;
      label: string;
      type: 'number';
      placeholder?: string;
      unit?: string;
      integer?: boolean;
    }
  | { key: string; label: string; type: 'select'; options: readonly string[] }
  | { key: string; label: string; type: 'list'; itemLabel: string; placeholder?: string };

const vendor: FieldSpec = {
  key: 'vendor',
  label: 'Vendor',
  type: 'text',
  placeholder: 'e.g. HubSpot',
};
const notes: FieldSpec = { key: 'notes', label: 'Notes', type: 'text', multiline: true };

/** The form of each kind, in the order a GTM lead fills it in. Metrics are edited separately. */
export const FIELD_SPECS: Readonly<Record<NodeKind, readonly FieldSpec[]>> = {
  segment: [
    { key: 'industry', label: 'Industry', type: 'text', placeholder: 'e.g. B2B SaaS' },
    { key: 'employees', label: 'Employees', type: 'text', placeholder: 'e.g. 50-500' },
    { key: 'revenue', label: 'Annual revenue', type: 'text', placeholder: 'e.g. $10M-$100M' },
    { key: 'geography', label: 'Geography', type: 'text', placeholder: 'e.g. North America' },
    { key: 'techStack', label: 'Tech stack signals', type: 'list', itemLabel: 'Signal' },
    { key: 'growthSignals', label: 'Growth signals', type: 'list', itemLabel: 'Signal' },
    notes,
  ],
  persona: [{ key: 'role', label: 'Buying role', type: 'select', options: PERSONA_ROLES }, notes],
  positioning: [
    { key: 'targetSegment', label: 'Target segment', type: 'text', multiline: true },
    { key: 'problem', label: 'Problem solved', type: 'text', multiline: true },
    { key: 'differentiator', label: 'Key differentiator', type: 'text', multiline: true },
    {
      key: 'proof',
      label: 'Proof',
      type: 'text',
      multiline: true,
      placeholder: 'Case study, metric or testimonial',
    },
    notes,
  ],
  channel: [
    { key: 'channelType', label: 'Channel type', type: 'select', options: CHANNEL_TYPES },
    {
      key: 'volume',
      label: 'Volume (people reached per period)',
      type: 'number',
      placeholder: 'e.g. 500',
    },
    { key: 'period', label: 'Period', type: 'select', options: PERIODS },
    { key: 'spend', label: 'Spend per period', type: 'number', unit: '$' },
    notes,
  ],
  motion: [
    { key: 'motionType', label: 'Motion type', type: 'select', options: MOTION_TYPES },
    { key: 'acv', label: 'Average contract value (ACV)', type: 'number', unit: '$' },
    notes,
  ],
  stage: [
    { key: 'owner', label: 'Owner', type: 'text', placeholder: 'e.g. SDR team' },
    { key: 'entryCriteria', label: 'Entry criteria', type: 'list', itemLabel: 'Entry criterion' },
    { key: 'exitCriteria', label: 'Exit criteria', type: 'list', itemLabel: 'Exit criterion' },
    { key: 'nextAction', label: 'Next action', type: 'text' },
    { key: 'maxDays', label: 'Maximum days in stage', type: 'number', integer: true },
    notes,
  ],
  crm: [vendor, notes],
  enrichment: [vendor, notes],
  scoring: [vendor, notes],
  sequencing: [vendor, notes],
  reporting: [vendor, notes],
  tool: [vendor, notes],
};
