import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramJsonSchemaText } from './json-schema';

describe('published JSON Schema', () => {
  it('matches the zod contract (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync(
      resolve(import.meta.dirname, '../../public/schema/gtm-blueprint-v2.schema.json'),
      'utf8',
    );
    expect(committed).toBe(diagramJsonSchemaText());
  });

  it('describes every node kind and refuses unknown fields', () => {
    const schema = JSON.parse(diagramJsonSchemaText()) as Record<string, unknown>;
    const text = JSON.stringify(schema);
    for (const kind of ['segment', 'persona', 'stage', 'enrichment', 'reporting']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    expect(schema.additionalProperties).toBe(false);
  });
});
