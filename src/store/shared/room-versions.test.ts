import { describe, expect, it } from 'vitest';
import { serializeDiagram } from '../../io/serialize';
import { cleanDiagram } from '../../testing/test-diagrams';
import { roomDiagramId } from './room-state';
import { createRoomVersionStore } from './room-versions';

type Answer = { status: number; body: unknown };

/** A fetch that records each request and answers from a queue, as the server would. */
function fakeServer(...answers: Answer[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    requests.push({ url, init });
    const answer = answers.shift() ?? { status: 500, body: { error: 'No answer left.' } };
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const row = {
  id: 'v1',
  name: 'Q3',
  kind: 'named',
  createdAt: 1,
  author: 'Ana',
  cards: 3,
  edges: 2,
  findings: 0,
  bytes: 10,
};
const diagramId = roomDiagramId('room-1');

describe('createRoomVersionStore', () => {
  it("signs a save with the room's name for this person and lists the room's versions under the open diagram", async () => {
    const server = fakeServer(
      { status: 201, body: { version: row, pruned: 0 } },
      { status: 200, body: { versions: [row] } },
    );
    const store = createRoomVersionStore(
      'room-1',
      'edit-token',
      { author: () => 'Ana' },
      { fetch: server.fetch },
    );
    const saved = await store.save(diagramId, cleanDiagram(), {
      name: 'Q3',
      kind: 'named',
      findings: 0,
      author: 'Name in this browser',
    });
    expect(saved.ok && saved.version).toMatchObject({ id: 'v1', diagramId, author: 'Ana' });
    const sent = JSON.parse(server.requests[0]!.init.body as string) as Record<string, unknown>;
    expect(sent).toMatchObject({ name: 'Q3', author: 'Ana', kind: 'named' });
    expect(sent.file).toBe(serializeDiagram(cleanDiagram(), { pretty: false }));
    expect(new Headers(server.requests[0]!.init.headers).get('authorization')).toBe(
      'Bearer edit-token',
    );
    expect(await store.list(diagramId)).toEqual([{ ...row, diagramId }]);
  });

  it("says the server's full-quota sentence as a full store, and a refusal as not saved", async () => {
    const full = 'Version storage for this diagram is full (2 versions, 0 MB).';
    const server = fakeServer(
      { status: 507, body: { error: full } },
      { status: 403, body: { error: 'Only an edit link can save versions of this room.' } },
    );
    const store = createRoomVersionStore('room-1', 'token', { author: () => 'Ana' }, server);
    const version = { name: 'Q3', kind: 'named', findings: 0 } as const;
    expect(await store.save(diagramId, cleanDiagram(), version)).toEqual({
      ok: false,
      reason: 'full',
      message: full,
    });
    expect(await store.save(diagramId, cleanDiagram(), version)).toEqual({
      ok: false,
      reason: 'error',
      message: 'Only an edit link can save versions of this room. The version was not saved.',
    });
  });

  it('reads a version through the file gate and refuses an answer that is not a diagram', async () => {
    const server = fakeServer(
      { status: 200, body: { versions: [row] } },
      { status: 200, body: serializeDiagram(cleanDiagram()) },
      { status: 200, body: '{"format":"not ours"}' },
    );
    const store = createRoomVersionStore('room-1', 'token', { author: () => undefined }, server);
    await store.list(diagramId);
    const read = await store.read('v1');
    expect(read.ok && read.diagram.nodes.length).toBe(cleanDiagram().nodes.length);
    const bad = await store.read('v1');
    expect(bad).toMatchObject({ ok: false, message: 'This version cannot be read.' });
  });

  it('lists as unavailable when the server cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const store = createRoomVersionStore('room-1', 'token', { author: () => 'Ana' }, { fetch });
    await expect(store.list(diagramId)).rejects.toThrow('could not be reached');
  });
});
