import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbVersionStore, type VersionStore } from '../../persistence/versions';
import { cleanDiagram } from '../../testing/test-diagrams';
import { roomDiagramId } from '../shared/room-state';
import { createVersionRouter } from './version-router';

const named = { name: 'Q3', kind: 'named', findings: 0 } as const;

describe('createVersionRouter', () => {
  it("keeps a room's versions in the room's store and every other diagram's in the browser's", async () => {
    const local = new IndexedDbVersionStore('router-local');
    const server = new IndexedDbVersionStore('router-server');
    const room = roomDiagramId('abc');
    const router: VersionStore = createVersionRouter(local, (id) => (id === room ? server : null));

    const inRoom = await router.save(room, cleanDiagram(), { ...named, name: 'Room Q3' });
    const alone = await router.save('diagram-1', cleanDiagram(), named);
    expect(inRoom.ok && alone.ok).toBe(true);
    expect((await server.list(room)).map((v) => v.name)).toEqual(['Room Q3']);
    expect(await local.list(room)).toEqual([]);
    expect((await local.list('diagram-1')).map((v) => v.name)).toEqual(['Q3']);

    // Read and remove go where the version was listed, though they name only its id.
    const [listed] = await router.list(room);
    const read = await router.read(listed!.id);
    expect(read.ok && read.summary.name).toBe('Room Q3');
    await router.remove(listed!.id);
    expect(await server.list(room)).toEqual([]);
    expect(await local.list('diagram-1')).toHaveLength(1);
  });
});
