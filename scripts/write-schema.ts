import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagramJsonSchemaText } from '../src/io/json-schema';

const target = resolve(import.meta.dirname, '../public/schema/gtm-blueprint-v2.schema.json');
writeFileSync(target, diagramJsonSchemaText());
console.log('wrote public/schema/gtm-blueprint-v2.schema.json');
