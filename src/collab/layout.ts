/**
 * How a diagram lives in a Y.Doc (the contract between the co-editing server and the editor).
 *
 *   ydoc.getMap('nodes')     node id → Y.Map of that node's fields
 *                              'kind', 'title', 'position' (plain values; a position is one value,
 *                              so x and y always move together), and any other non-data field
 *                              'data' → nested Y.Map: one key per data field (notes, metrics,
 *                              owner, …; each a plain value), absent when the node has no data
 *   ydoc.getMap('edges')     edge id → Y.Map of that edge's fields (source, target, label, kind,
 *                              share, …; each a plain value)
 *   ydoc.getMap('comments')  thread id → Y.Map of that thread: 'target' and 'resolved' plain
 *                              values, 'messages' → nested Y.Map: message id → the message's
 *                              other fields as one plain value (author, text, createdAt, …). Two
 *                              people opening threads, replying to one thread, or one resolving
 *                              while the other replies, all keep their change. A root map of its
 *                              own, so two peers opening the first thread never race to create
 *                              the container. An empty map reads as a file without `comments`.
 *                              A room written before this layout holds `comments` as one plain
 *                              array in 'document': it is read while the map is empty, and the
 *                              next write moves it into the map.
 *   ydoc.getMap('document')  every other top-level field of the file, one key each: format,
 *                              version, name, actuals, … A plain-object field (meta,
 *                              rules) is a nested Y.Map with one key per entry, so two people
 *                              changing the currency and the description both win; arrays and
 *                              scalars are plain values (the last writer wins the whole field).
 *
 * The id lives in the map key only (never inside the entry), so a key and an id cannot disagree.
 * `$schema` is not shared: it names the file's schema and is written again on export.
 * Nodes and edges come out of the doc ordered by id, threads by their first message's createdAt
 * then id, messages by createdAt then id: Y.Map iteration order differs between peers, and the
 * same order everywhere keeps every peer's diagram (and its audit) identical.
 *
 * Yjs stores strings as UTF-8, so a lone surrogate (half of an emoji cut by hand in a file) comes
 * back as U+FFFD.
 *
 * Writes go through `applyDiagramToYDoc`, which sets only the keys whose value changed, in one
 * transaction with the caller's origin (Y.UndoManager tracks those origins). Reads go through
 * `parseYDoc`, which rebuilds the file and runs it through the same gate as a file
 * (`parseDiagramFile`): the server refuses an update whose result fails it. Concurrent edits can
 * be valid alone and invalid together (a card deleted while someone joins an edge to it); a
 * client repairs its copy after every remote change (`watchForRepairs`, repair.ts) so its next
 * update is valid again.
 */
export const NODES_KEY = 'nodes';
export const EDGES_KEY = 'edges';
export const DOCUMENT_KEY = 'document';
export const COMMENTS_KEY = 'comments';
/** The nested Y.Map of a node's data fields. */
export const NODE_DATA_KEY = 'data';
/** The only root types a room's Y.Doc may hold; the server refuses an update that adds others. */
export const ROOT_KEYS = [NODES_KEY, EDGES_KEY, DOCUMENT_KEY, COMMENTS_KEY] as const;
/** Top-level file keys that are not stored in the document map (`comments` only in old rooms). */
export const UNSHARED_FILE_KEYS = new Set(['$schema', NODES_KEY, EDGES_KEY, COMMENTS_KEY]);

/** Transaction origins, so observers and undo managers can tell who wrote what. */
export const SEED_ORIGIN = 'gtm-seed';
