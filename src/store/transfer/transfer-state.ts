import type { Problem } from '../../io/problems';

/** Why a file or link was not opened, for the problems dialog. */
export interface ImportFailure {
  readonly title: string;
  /** What was refused, in words: `“acme.json”`, `The shared link`. */
  readonly source: string;
  readonly problems: readonly Problem[];
}

/**
 * Import and export UI state that is not part of the document (so never in undo history):
 * the last refusal, the share link shown for copying by hand, the badge toggle, a busy flag.
 */
export interface TransferState {
  readonly failure: ImportFailure | null;
  readonly shareLink: { readonly url: string; readonly warning: string | null } | null;
  readonly includeBadges: boolean;
  readonly busy: string | null;
}

export const INITIAL_TRANSFER: TransferState = {
  failure: null,
  shareLink: null,
  includeBadges: false,
  busy: null,
};
