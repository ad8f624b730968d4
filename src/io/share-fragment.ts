/**
 * Where a share link keeps its diagram: the `#d=…` fragment, which never reaches a server.
 * Apart from the decoder (`share-link.ts`, with lz-string), so that the page can look at its
 * own address at start-up without loading it.
 */

/** The fragment key: `#d=…`. */
export const SHARE_PARAM = 'd';

/** The raw payload of a fragment (`location.hash`, `#` or not), or null when it holds none. */
export function sharePayloadOf(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = fragment.split('&').find((entry) => entry.startsWith(`${SHARE_PARAM}=`));
  return part === undefined ? null : part.slice(SHARE_PARAM.length + 1);
}
