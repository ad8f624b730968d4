import { z } from 'zod';
import { diagramSchema } from '../model/schema';

/** The published JSON Schema, generated from the zod contract so the two can never drift. */
export function diagramJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(diagramSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    ...schema,
    $id: 'gtm-blueprint-v2.schema.json',
    title: 'GTM Blueprint diagram, format version 2',
    description:
      'A go-to-market diagram: five layers of typed nodes joined by labeled handoff edges. See the README for the meaning of each field.',
  };
}

export function diagramJsonSchemaText(): string {
  return `${JSON.stringify(diagramJsonSchema(), null, 2)}\n`;
}
