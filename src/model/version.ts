/** The file envelope: every file names its format and the version of the schema it follows. */
export const FORMAT = 'gtm-blueprint';
export const CURRENT_VERSION = 2;
export const SCHEMA_PATH = '/schema/gtm-blueprint-v2.schema.json';
/** Larger files are refused before parsing: a GTM diagram of 5,000 nodes is about 2 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
