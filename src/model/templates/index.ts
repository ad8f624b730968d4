import type { Diagram } from './build';
import { createBlank } from './blank';
import { createMidMarketSalesLed } from './mid-market-sales-led';
import { createProductLed } from './product-led';
import { createSalesSystemMap } from './sales-system-map';
import { createSeedStarter } from './seed-starter';

export interface TemplateInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** A fresh diagram on every call; ids are fixed per template, so two copies never mix. */
  create(): Diagram;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'blank',
    name: 'Blank',
    description: 'An empty canvas with the five layer bands and nothing else.',
    create: createBlank,
  },
  {
    id: 'seed-starter',
    name: 'Seed-stage starter',
    description:
      'Founder-led sales kept small: one segment, one outbound and one inbound channel, enrichment and scoring, five time-boxed stages and a quarterly feedback loop.',
    create: createSeedStarter,
  },
  {
    id: 'mid-market-sales-led',
    name: 'Mid-market sales-led',
    description:
      'A complete Series B system for $48K deals: full buying committee, three channels within benchmark, the eight-step lead trace through RevOps and six stages from lead to closed-won.',
    create: () => createMidMarketSalesLed(),
  },
  {
    id: 'product-led',
    name: 'Product-led',
    description:
      'Content and a free plan feed sign-ups; usage plus fit makes a PQL, sales-assist converts the larger accounts, and paid cohorts retune the PQL line.',
    create: createProductLed,
  },
  {
    id: 'sales-system-map',
    name: 'Sales System Map',
    description:
      'The seven blocks from sourcing to expansion, each with entry and exit criteria built on shared definitions of Lead, SQL and qualified discovery.',
    create: createSalesSystemMap,
  },
];

export function findTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
