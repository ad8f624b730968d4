import type { LayerId } from '../model/layers';
import type { Diagram } from '../model/schema';
import type { AuditContext } from './context';

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points: the editor puts its badge there, the CLI names it. */
export type FindingTarget =
  | { readonly type: 'diagram' }
  | { readonly type: 'node'; readonly id: string; readonly field?: string }
  | { readonly type: 'edge'; readonly id: string; readonly field?: string };

/**
 * A suggestion the user applies, never an automatic rewrite. `apply` is pure: it returns a new
 * diagram and leaves its argument untouched, so the editor can record it as one undo step.
 */
export interface QuickFix {
  readonly label: string;
  apply(diagram: Diagram): Diagram;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly target: FindingTarget;
  readonly fix?: QuickFix;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta<MessageId extends string = string> {
  /** Stable, kebab-case; settings, docs anchors and CLI output all key on it. */
  readonly id: string;
  readonly severity: Severity;
  readonly layer: LayerId | 'diagram';
  /** One line, shown in the rule list and as SARIF's short description. */
  readonly description: string;
  /** Why the problem costs revenue, in a paragraph. */
  readonly why: string;
  /** What makes the finding go away, in a sentence or two (the docs' "How to fix"). */
  readonly howToFix: string;
  /** Anchor of the rule's section, e.g. `docs/rules.md#missing-layer`. */
  readonly docs: string;
  /** The message catalog: capitalised sentences with `{placeholder}` data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  /**
   * Rules whose findings on the same subject this rule replaces: a problem is reported once, by
   * its most specific rule. See `supersede` in engine.ts.
   */
  readonly supersedes?: readonly string[];
  /**
   * Numeric options a diagram may set (`rules: { "<id>": { level, options } }`), each with
   * its default and bounds; `check` receives them merged and clamped.
   */
  readonly options?: Readonly<Record<string, RuleOptionMeta>>;
}

export interface RuleOptionMeta {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

/** A rule's options as `check` sees them: every declared option present, within its bounds. */
export type RuleOptions = Readonly<Record<string, number>>;

export interface Report<MessageId extends string = string> {
  readonly messageId: MessageId;
  readonly data?: MessageData;
  readonly target: FindingTarget;
  readonly fix?: QuickFix;
  /** Overrides the rule's default for this finding only (one rule, two levels of urgency). */
  readonly severity?: Severity;
  /** What the finding is about, for de-duplication across rules, e.g. `layer:icp`. */
  readonly subject?: string;
}

export interface Rule<MessageId extends string = string> {
  readonly meta: RuleMeta<MessageId>;
  check(
    diagram: Diagram,
    context: AuditContext,
    options: RuleOptions,
  ): readonly Report<MessageId>[];
}

/** Ties a rule's message ids to its catalog so a report cannot name a message that is missing. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
