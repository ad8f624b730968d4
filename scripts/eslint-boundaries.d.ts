import type { Linter } from 'eslint';

/** Per folder: what it must not import (see eslint-boundaries.js). */
export declare const boundaries: Linter.Config[];
/** No browser globals in the code that also runs in Node. */
export declare const noBrowserGlobals: Linter.Config;
