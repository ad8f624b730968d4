/**
 * What the Templates menu shows, kept apart from the diagrams themselves so the menu can list
 * them at start-up while the template code loads only when one is chosen.
 */
export interface TemplateSummary {
  readonly id: TemplateId;
  readonly name: string;
  readonly description: string;
}

export type TemplateId =
  'blank' | 'seed-starter' | 'mid-market-sales-led' | 'product-led' | 'sales-system-map';

export const TEMPLATE_CATALOG: readonly TemplateSummary[] = [
  {
    id: 'blank',
    name: 'Blank',
    description: 'An empty canvas with the five layer bands and nothing else.',
  },
  {
    id: 'seed-starter',
    name: 'Seed-stage starter',
    description:
      'Founder-led sales kept small: one segment, one outbound and one inbound channel, enrichment and scoring, five time-boxed stages and a quarterly feedback loop.',
  },
  {
    id: 'mid-market-sales-led',
    name: 'Mid-market sales-led',
    description:
      'A complete Series B system for $48K deals: full buying committee, three channels within benchmark, the eight-step lead trace through RevOps and six stages from lead to closed-won.',
  },
  {
    id: 'product-led',
    name: 'Product-led',
    description:
      'Content and a free plan feed sign-ups; usage plus fit makes a PQL, sales-assist converts the larger accounts, and paid cohorts retune the PQL line.',
  },
  {
    id: 'sales-system-map',
    name: 'Sales System Map',
    description:
      'The seven blocks from sourcing to expansion, each with entry and exit criteria built on shared definitions of Lead, SQL and qualified discovery.',
  },
];
