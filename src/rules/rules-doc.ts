import { layerInfo } from '../model/layers';
import type { Rule } from './types';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function layerLabel(rule: Rule): string {
  return rule.meta.layer === 'diagram' ? 'Whole diagram' : layerInfo(rule.meta.layer).label;
}

/**
 * docs/rules.md, generated from the rule metas so the page can never disagree with the engine.
 * Pure, so a unit test can compare it with the committed file.
 */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const lines: string[] = [
    '# Audit rules',
    '',
    '<!-- Generated from src/rules/rules/*.ts by scripts/write-rules-doc.ts. Do not edit by hand. -->',
    '',
    'GTM Blueprint audits a diagram against the anti-patterns that make go-to-market systems leak:',
    'missing layers, undefined handoffs, leads reaching sales unqualified, no feedback loop, vague',
    'pipeline stages, metrics in the red. The editor shows each finding on the node or edge it is',
    'about; `gtm-blueprint audit <file>` prints the same findings in a terminal or CI.',
    '',
    'Severities: **error** (the diagram has a gap that loses leads or revenue), **warning** (a',
    'weak spot worth fixing), **info** (a note). The CLI exits with 1 when there is any error.',
    '',
    'A diagram can switch a rule off or change its severity in its `rules` setting:',
    '',
    '```json',
    '{ "rules": { "stage-too-long": "off", "missing-metric": "warning" } }',
    '```',
    '',
    'A problem is reported once, by its most specific rule: when a specific rule fires, the more',
    'general rule it supersedes stays quiet on the same subject. Switching the specific rule off',
    'hands the subject back to the general one.',
    '',
    '| Rule | Severity | Layer | Expects |',
    '| --- | --- | --- | --- |',
    ...rules.map(
      (rule) =>
        `| [${rule.meta.id}](#${rule.meta.id}) | ${SEVERITY_LABEL[rule.meta.severity]} | ${layerLabel(rule)} | ${rule.meta.description} |`,
    ),
  ];
  for (const rule of rules) {
    const { meta } = rule;
    lines.push(
      '',
      `## ${meta.id}`,
      '',
      `**Severity:** ${SEVERITY_LABEL[meta.severity]} · **Layer:** ${layerLabel(rule)}`,
      '',
      meta.description,
      '',
      '### Why it matters',
      '',
      meta.why,
      '',
      '### How to fix',
      '',
      meta.howToFix,
    );
    if (meta.supersedes?.length) {
      const ids = meta.supersedes.map((id) => `[${id}](#${id})`).join(', ');
      lines.push('', `Supersedes ${ids} on the same subject.`);
    }
    lines.push('', '### Messages', '');
    for (const message of Object.values<string>(meta.messages)) lines.push(`- ${message}`);
  }
  return `${lines.join('\n')}\n`;
}
