import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from './registry';

/** The parity checks ESLint runs on its own rules: registry, tests, docs and messages agree. */
const here = import.meta.dirname;
const ruleFiles = readdirSync(resolve(here, 'rules'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -'.ts'.length));
const docs = readFileSync(resolve(here, '../../docs/rules.md'), 'utf8');
const ids = RULES.map((rule) => rule.meta.id);

describe('the rule registry', () => {
  it('is sorted by id, with no duplicates', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('registers every file in src/rules/rules, each named by its rule id', () => {
    expect(ids).toEqual([...ruleFiles].sort());
  });

  it('looks rules up by id', () => {
    expect(ruleById('missing-layer')?.meta.id).toBe('missing-layer');
    expect(ruleById('no-such-rule')).toBeUndefined();
  });

  describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    it('has a kebab-case id the settings schema accepts', () => {
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('has a test file', () => {
      expect(existsSync(resolve(here, 'rules', `${id}.test.ts`))).toBe(true);
    });

    it('has a docs section it links to', () => {
      expect(rule.meta.docs).toBe(`docs/rules.md#${id}`);
      expect(docs).toContain(`\n## ${id}\n`);
    });

    it('writes messages that start with a capital and end with a period', () => {
      const messages = Object.values<string>(rule.meta.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).toMatch(/^[A-Z].*\.$/s);
    });

    it('documents itself in full sentences', () => {
      for (const text of [rule.meta.description, rule.meta.why, rule.meta.howToFix]) {
        expect(text).toMatch(/^[A-Z].*\.$/s);
      }
    });

    it('supersedes only rules that exist', () => {
      for (const other of rule.meta.supersedes ?? []) expect(ids).toContain(other);
    });
  });
});
