import { describe, expect, it } from 'vitest';
import { deepFreeze, runRuleOn } from './rule-tester';
import { cleanDiagram } from './test-diagrams';
import { defineRule } from '../rules/types';

describe('the rule tester', () => {
  it('freezes a diagram all the way down', () => {
    const diagram = deepFreeze(cleanDiagram());
    expect(Object.isFrozen(diagram.nodes[0]?.position)).toBe(true);
    expect(Object.isFrozen(diagram.meta)).toBe(true);
  });

  it('surfaces a rule that mutates its input instead of swallowing it', () => {
    const mutating = defineRule({
      meta: {
        id: 'mutating',
        severity: 'warning',
        layer: 'diagram',
        description: 'Renames the diagram.',
        why: 'It should not.',
        howToFix: 'Do not.',
        docs: 'docs/rules.md#mutating',
        messages: { renamed: 'Renamed.' },
      },
      check(diagram) {
        (diagram as { name: string }).name = 'changed';
        return [];
      },
    });
    expect(() => runRuleOn(mutating, deepFreeze(cleanDiagram()))).toThrow(TypeError);
  });
});
