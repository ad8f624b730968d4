import type { Diagram } from './build';
import { createBlank } from './blank';
import { TEMPLATE_CATALOG, type TemplateId, type TemplateSummary } from './catalog';
import { createMidMarketSalesLed } from './mid-market-sales-led';
import { createProductLed } from './product-led';
import { createSalesSystemMap } from './sales-system-map';
import { createSeedStarter } from './seed-starter';

export interface TemplateInfo extends TemplateSummary {
  /** A fresh diagram on every call; ids are fixed per template, so two copies never mix. */
  create(): Diagram;
}

const CREATE: Readonly<Record<TemplateId, () => Diagram>> = {
  blank: createBlank,
  'seed-starter': createSeedStarter,
  'mid-market-sales-led': () => createMidMarketSalesLed(),
  'product-led': createProductLed,
  'sales-system-map': createSalesSystemMap,
};

export const TEMPLATES: readonly TemplateInfo[] = TEMPLATE_CATALOG.map((summary) => ({
  ...summary,
  create: CREATE[summary.id],
}));

export function findTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
