import type { VersionStore } from '../../persistence/versions';

/**
 * The versions of whatever diagram is open: a shared room's live in the server's database (its
 * own store, from `roomStoreFor`), every other diagram's in this browser. Chosen per diagram id
 * at each call, so History, Compare and the review baseline follow the open diagram, and a room
 * whose links were renewed is asked with its new token.
 */
export function createVersionRouter(
  local: VersionStore,
  roomStoreFor: (diagramId: string) => VersionStore | null,
): VersionStore {
  /** Which diagram each version id was listed or saved for, to route `read` and `remove`. */
  const diagramOf = new Map<string, string>();
  const storeFor = (diagramId: string | undefined) =>
    (diagramId === undefined ? null : roomStoreFor(diagramId)) ?? local;

  return {
    async list(diagramId) {
      const versions = await storeFor(diagramId).list(diagramId);
      for (const v of versions) diagramOf.set(v.id, diagramId);
      return versions;
    },
    read: (id) => storeFor(diagramOf.get(id)).read(id),
    async save(diagramId, diagram, version, now) {
      const result = await storeFor(diagramId).save(diagramId, diagram, version, now);
      if (result.ok) diagramOf.set(result.version.id, diagramId);
      return result;
    },
    async remove(id) {
      await storeFor(diagramOf.get(id)).remove(id);
      diagramOf.delete(id);
    },
  };
}
