import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../src/rules/registry';
import { renderRulesDoc } from '../src/rules/rules-doc';

const target = resolve(import.meta.dirname, '../docs/rules.md');
writeFileSync(target, renderRulesDoc(RULES));
console.log(`wrote docs/rules.md (${RULES.length} rules)`);
