import type { Severity } from '../rules/types';

/** Which findings the Problems panel lists. */
export interface FindingFilter {
  readonly query: string;
  readonly severities: Readonly<Record<Severity, boolean>>;
  readonly target: { readonly type: 'node' | 'edge'; readonly id: string } | null;
}

export type ElementTarget = NonNullable<FindingFilter['target']>;

/**
 * How the Problems panel is filtered and what it shows. Kept in the store, not the panel,
 * because the panel unmounts whenever another side tab opens, while a badge on the canvas must
 * be able to open it already filtered. None of it is the document, so none of it is undone.
 */
export interface ProblemsView extends FindingFilter {
  /** Lists every match instead of the first ROW_CAP. */
  readonly showAll: boolean;
  readonly traceOpen: boolean;
  /** The rule whose "Learn more" dialog is open. */
  readonly learnMore: string | null;
  /** A badge asked the panel to take keyboard focus once it shows. */
  readonly pendingFocus: boolean;
}

export const ALL_SEVERITIES: Readonly<Record<Severity, boolean>> = {
  error: true,
  warning: true,
  info: true,
};

export const INITIAL_PROBLEMS_VIEW: ProblemsView = {
  query: '',
  severities: ALL_SEVERITIES,
  target: null,
  showAll: false,
  traceOpen: false,
  learnMore: null,
  pendingFocus: false,
};
