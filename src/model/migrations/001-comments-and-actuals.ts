import type { Migration } from './index';

/**
 * Version 1 → 2: the format gains comment threads (`comments`), the CRM stage mapping
 * (`actuals`) and rule options (`rules.<id>` may be `{ level, options }`). All three are
 * optional, so a version-1 file is a valid version-2 file once its number changes; the
 * migration exists so that the number always says which fields a reader may meet.
 */
export const addCommentsAndActuals: Migration = (file) => ({ ...file });
