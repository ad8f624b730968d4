/** What a viewer of a shared room is told wherever an editing control is turned off. */
export const VIEW_ONLY_HINT = 'View only: ask for an edit link to change this';
