import {
  deleteRoomVersion,
  listRoomVersions,
  readRoomVersion,
  saveRoomVersion,
  type RoomApiOptions,
} from '../../collab/room-api';
import type {
  ReadVersionResult,
  SaveVersionResult,
  VersionStore,
  VersionSummary,
} from '../../persistence/versions';

/** The server answers a full version store with 507 Insufficient Storage. */
const FULL = 507;

/**
 * A shared room's versions, kept in the server's database through the room's API, so everyone
 * in the room sees the same History. Each is signed with `hooks.author()`, the name the room
 * shows for this person. A view token lists and reads; the server refuses its saves and deletes.
 */
export function createRoomVersionStore(
  room: string,
  token: string,
  hooks: {
    /** The name the room shows for this person. */
    readonly author: () => string | undefined;
    /** After a save or a delete: the others' History should list again. */
    readonly onChange?: () => void;
  },
  options: RoomApiOptions = {},
): VersionStore {
  /** Summaries of the last list, for `read`, which the History panel calls with a listed id. */
  const listed = new Map<string, VersionSummary>();
  const summaryOf = async (diagramId: string | null, id: string) => {
    if (!listed.has(id) && diagramId !== null) await list(diagramId);
    return listed.get(id);
  };
  let lastDiagramId: string | null = null;

  async function list(diagramId: string): Promise<readonly VersionSummary[]> {
    const result = await listRoomVersions(room, token, options);
    // The review slice shows a list it cannot get as unavailable.
    if (!result.ok) throw new Error(result.message);
    lastDiagramId = diagramId;
    listed.clear();
    const versions = result.value.map((v) => ({ ...v, diagramId }));
    for (const v of versions) listed.set(v.id, v);
    return versions;
  }

  return {
    list,
    async read(id): Promise<ReadVersionResult> {
      const result = await readRoomVersion(room, token, id, options);
      if (!result.ok) {
        return result.status === 404
          ? { ok: false, reason: 'missing', message: 'This version is no longer stored.' }
          : { ok: false, reason: 'error', message: result.message };
      }
      const summary = await summaryOf(lastDiagramId, id).catch(() => undefined);
      if (!summary)
        return { ok: false, reason: 'missing', message: 'This version is no longer stored.' };
      return { ok: true, diagram: result.value, summary };
    },
    async save(diagramId, diagram, version): Promise<SaveVersionResult> {
      const signed = hooks.author() ?? version.author;
      const result = await saveRoomVersion(
        room,
        token,
        diagram,
        {
          name: version.name,
          kind: version.kind,
          findings: version.findings,
          ...(version.note ? { note: version.note } : {}),
          ...(signed ? { author: signed } : {}),
        },
        options,
      );
      if (!result.ok) {
        if (result.status === FULL) return { ok: false, reason: 'full', message: result.message };
        return {
          ok: false,
          reason: result.status === 0 ? 'unavailable' : 'error',
          message:
            result.status === 0
              ? 'The co-editing server could not be reached, so this version was not saved. The diagram itself keeps its changes and shares them once the connection is back.'
              : `${result.message} The version was not saved.`,
        };
      }
      const saved = { ...result.value.version, diagramId };
      listed.set(saved.id, saved);
      hooks.onChange?.();
      return { ok: true, version: saved, pruned: result.value.pruned };
    },
    async remove(id) {
      const result = await deleteRoomVersion(room, token, id, options);
      if (!result.ok && result.status !== 404) throw new Error(result.message);
      listed.delete(id);
      hooks.onChange?.();
    },
  };
}
