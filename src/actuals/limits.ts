/**
 * What an import accepts. A HubSpot export of 100,000 deals with a dozen stage-date columns is
 * about 25 MB; past these limits the file is refused before it is read, with the limit named.
 */
export const MAX_CSV_BYTES = 40 * 1024 * 1024;
export const MAX_CSV_LABEL = '40 MB';
export const MAX_DEALS = 200_000;

export { MIN_DEALS_TO_JUDGE } from '../rules/actuals-input';

/** How many unreadable cells are listed by row and column; the rest are counted. */
export const MAX_LISTED_CELLS = 20;
