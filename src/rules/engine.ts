import type { Diagram, RuleLevel, RuleSetting } from '../model/schema';
import type { ActualsInput } from './actuals-input';
import { createAuditContext, type AuditContext, type ReviewBaseline } from './context';
import { formatMessage } from './format';
import { RULES } from './registry';
import { toAuditResult, type AuditResult } from './audit-result';
import type { Finding, Report, Rule, RuleOptions } from './types';

export { RULES, ruleById } from './registry';
export type { Finding, Severity } from './types';
export type { ReviewBaseline } from './context';
export { SEVERITY_ORDER, type AuditResult } from './audit-result';

/**
 * Per-rule settings: a level ("off" silences a rule, "warning" / "error" replace its
 * severity), or a level with options.
 */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export function levelOf(setting: RuleSetting | undefined): RuleLevel | undefined {
  return typeof setting === 'object' ? setting.level : setting;
}

/** The rule's declared options: defaults, overridden by the setting's values, held to bounds. */
export function optionsOf(rule: Rule, setting: RuleSetting | undefined): RuleOptions {
  const declared = rule.meta.options;
  if (!declared) return {};
  const given = typeof setting === 'object' ? setting.options : undefined;
  const options: Record<string, number> = {};
  for (const [name, meta] of Object.entries(declared)) {
    const value = given && Object.hasOwn(given, name) ? given[name] : undefined;
    options[name] =
      value === undefined || !Number.isFinite(value)
        ? meta.default
        : Math.min(meta.max, Math.max(meta.min, value));
  }
  return options;
}

export interface AuditOptions {
  readonly now?: Date;
  /** The version last marked as reviewed (from version storage), for `metric-drift`. */
  readonly baseline?: ReviewBaseline;
  /** Figures from an imported CRM deals export, for `actual-off-plan` and `stuck-deals`. */
  readonly actuals?: ActualsInput;
  /** Merged over the diagram's own `rules` settings; these win. */
  readonly settings?: RuleSettings;
  /** The rules to run; the full registry unless a test or tool narrows it. */
  readonly rules?: readonly Rule[];
}

/** A finding plus the subject the engine de-duplicates on; the subject stays internal. */
export interface RuleFinding {
  readonly finding: Finding;
  readonly subject: string | undefined;
}

export function runAudit(diagram: Diagram, options: AuditOptions = {}): AuditResult {
  const context = createAuditContext(diagram, options.now, options.baseline, options.actuals);
  const settings: RuleSettings = { ...diagram.rules, ...options.settings };
  const rules = options.rules ?? RULES;
  const found: { rule: Rule; result: RuleFinding }[] = [];
  for (const rule of rules) {
    const setting = Object.hasOwn(settings, rule.meta.id) ? settings[rule.meta.id] : undefined;
    const level = levelOf(setting);
    if (level === 'off') continue;
    const options = optionsOf(rule, setting);
    for (const result of runRule(rule, diagram, context, level, options)) {
      found.push({ rule, result });
    }
  }
  return toAuditResult(supersede(found));
}

/**
 * Runs one rule and turns its reports into findings. A rule that throws reports nothing: one
 * broken rule must not take the rest of the audit (or the editor) down with it.
 */
export function runRule(
  rule: Rule,
  diagram: Diagram,
  context: AuditContext,
  level?: Exclude<RuleLevel, 'off'>,
  options: RuleOptions = optionsOf(rule, undefined),
): RuleFinding[] {
  let reports: readonly Report[];
  try {
    reports = rule.check(diagram, context, options);
  } catch (error) {
    // The reason only, in one line: a stack trace must not reach a CLI user's terminal.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`gtm-blueprint: rule ${rule.meta.id} failed and was skipped (${reason}).`);
    return [];
  }
  return toFindings(rule, reports, level);
}

/** Formats reports from the rule's message catalog and settles each finding's severity. */
export function toFindings(
  rule: Rule,
  reports: readonly Report[],
  level?: Exclude<RuleLevel, 'off'>,
): RuleFinding[] {
  return reports.map((report) => {
    const template = rule.meta.messages[report.messageId] ?? report.messageId;
    const base = {
      ruleId: rule.meta.id,
      severity: level ?? report.severity ?? rule.meta.severity,
      message: formatMessage(template, report.data),
      target: report.target,
    };
    const finding: Finding = report.fix ? { ...base, fix: report.fix } : base;
    return { finding, subject: report.subject };
  });
}

/**
 * A problem is reported once, by its most specific rule: when rule A lists rule B in
 * `meta.supersedes` and both report the same subject, B's finding is dropped. Because a rule
 * switched off reports nothing, switching A off hands the subject back to B.
 */
function supersede(found: readonly { rule: Rule; result: RuleFinding }[]): Finding[] {
  const claimed = new Map<string, Set<string>>();
  for (const { rule, result } of found) {
    if (result.subject === undefined) continue;
    for (const ruleId of rule.meta.supersedes ?? []) {
      let subjects = claimed.get(ruleId);
      if (!subjects) claimed.set(ruleId, (subjects = new Set()));
      subjects.add(result.subject);
    }
  }
  const kept: Finding[] = [];
  for (const { rule, result } of found) {
    const subject = result.subject;
    if (subject !== undefined && claimed.get(rule.meta.id)?.has(subject)) continue;
    kept.push(result.finding);
  }
  return kept;
}
