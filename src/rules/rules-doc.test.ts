import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from './registry';
import { renderRulesDoc } from './rules-doc';

describe('docs/rules.md', () => {
  it('is what the generator writes (run node --import tsx scripts/write-rules-doc.ts)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect(committed).toBe(renderRulesDoc(RULES));
  });
});
