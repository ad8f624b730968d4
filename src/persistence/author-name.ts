/**
 * The name this browser signs comments with, asked once and kept in localStorage. Reading or
 * writing can throw where storage is blocked; the editor then asks again next time.
 */
const AUTHOR_KEY = 'gtm-blueprint:author-name';

export function readAuthorName(): string | null {
  try {
    return globalThis.localStorage?.getItem(AUTHOR_KEY) ?? null;
  } catch {
    return null;
  }
}

export function writeAuthorName(name: string): void {
  try {
    globalThis.localStorage?.setItem(AUTHOR_KEY, name);
  } catch {
    // See above: the name lasts for this page only.
  }
}
