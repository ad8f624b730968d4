// The file gate (and the rules it checks settings against) loads when a room's diagram is
// read, not with the start-up code that only holds this module for the Share menu.
const fileGate = () => import('../io/parse-file');
import { serializeDiagram } from '../io/serialize';
import type { Diagram } from '../model/schema';
import { VERSION_KINDS, type VersionKind, type VersionSummary } from '../review/version-policy';
import { ROOMS_API_PATH } from './protocol';

/** What `POST /api/rooms` and `POST /api/rooms/:id/links` answer. */
export interface RoomLinks {
  readonly id: string;
  /** The app's address with `#room=<id>&token=<edit token>`. */
  readonly editUrl: string;
  /** The app's address with `#room=<id>&token=<view token>`. */
  readonly viewUrl: string;
}

export type RoomApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number; readonly message: string };

export interface RoomApiOptions {
  /** The server's origin; the page's own origin when omitted (the app is served by it). */
  readonly baseUrl?: string;
  /** `GTM_CREATE_TOKEN` of a server that restricts room creation. */
  readonly createToken?: string;
  readonly fetch?: typeof fetch;
}

/** Turns a diagram into a room: the server keeps one copy and answers both links. */
export function createRoom(
  diagram: Diagram,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<RoomLinks>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.createToken) headers.authorization = `Bearer ${options.createToken}`;
  return call(options, ROOMS_API_PATH, {
    method: 'POST',
    headers,
    body: serializeDiagram(diagram, { pretty: false }),
  }).then((result) => (result.ok ? readLinks(result.value, result.status) : result));
}

/** Revokes both links of a room (holders are disconnected) and answers new ones. */
export function renewRoomLinks(
  room: string,
  editToken: string,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<RoomLinks>> {
  return call(options, `${ROOMS_API_PATH}/${encodeURIComponent(room)}/links`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editToken}` },
  }).then((result) => (result.ok ? readLinks(result.value, result.status) : result));
}

/** The room's current diagram, read with either token. */
export function fetchRoomDiagram(
  room: string,
  token: string,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<Diagram>> {
  return call(options, `${ROOMS_API_PATH}/${encodeURIComponent(room)}/diagram`, {
    headers: { authorization: `Bearer ${token}` },
  }).then(async (result) => {
    if (!result.ok) return result;
    const { parseDiagramFile } = await fileGate();
    const parsed = parseDiagramFile(result.value);
    return parsed.ok
      ? { ok: true, value: parsed.diagram }
      : {
          ok: false,
          status: result.status,
          message: 'The server answered a diagram that is not valid.',
        };
  });
}

/** A room's version as the server lists it: the room is the diagram, so it names none. */
export type RoomVersion = Omit<VersionSummary, 'diagramId'>;

/** What `POST /api/rooms/:id/versions` takes besides the file; the server counts the rest. */
export interface RoomVersionInput {
  readonly name: string;
  readonly note?: string;
  readonly kind: VersionKind;
  readonly author?: string;
  readonly findings: number;
}

const versionsPath = (room: string, id?: string) =>
  `${ROOMS_API_PATH}/${encodeURIComponent(room)}/versions${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

/** The room's versions, newest first, with either token. */
export function listRoomVersions(
  room: string,
  token: string,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<readonly RoomVersion[]>> {
  return call(options, versionsPath(room), {
    headers: { authorization: `Bearer ${token}` },
  }).then((result) => {
    if (!result.ok) return result;
    const versions = readVersions(result.value);
    return versions
      ? { ok: true, value: versions }
      : {
          ok: false,
          status: result.status,
          message: 'The server answered an unreadable list of versions.',
        };
  });
}

/** One version's diagram, read through the file gate like any file; either token. */
export function readRoomVersion(
  room: string,
  token: string,
  id: string,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<Diagram>> {
  return call(options, versionsPath(room, id), {
    headers: { authorization: `Bearer ${token}` },
  }).then(async (result) => {
    if (!result.ok) return result;
    const { parseDiagramFile } = await fileGate();
    const parsed = parseDiagramFile(result.value);
    return parsed.ok
      ? { ok: true, value: parsed.diagram }
      : { ok: false, status: result.status, message: 'This version cannot be read.' };
  });
}

/** Saves `diagram` as a version of the room (edit token only). */
export function saveRoomVersion(
  room: string,
  token: string,
  diagram: Diagram,
  version: RoomVersionInput,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<{ version: RoomVersion; pruned: number }>> {
  return call(options, versionsPath(room), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...version, file: serializeDiagram(diagram, { pretty: false }) }),
  }).then((result) => {
    if (!result.ok) return result;
    try {
      const body = JSON.parse(result.value) as { version?: unknown; pruned?: unknown };
      const [version] = readVersionList([body.version]) ?? [];
      if (version) return { ok: true, value: { version, pruned: Number(body.pruned) || 0 } };
    } catch {
      // fall through
    }
    return {
      ok: false,
      status: result.status,
      message: 'The server answered something unexpected.',
    };
  });
}

/** Deletes a version of the room (edit token only). */
export function deleteRoomVersion(
  room: string,
  token: string,
  id: string,
  options: RoomApiOptions = {},
): Promise<RoomApiResult<null>> {
  return call(options, versionsPath(room, id), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  }).then((result) => (result.ok ? { ok: true, value: null } : result));
}

function readVersions(text: string): RoomVersion[] | null {
  try {
    const body = JSON.parse(text) as { versions?: unknown };
    return Array.isArray(body.versions) ? readVersionList(body.versions) : null;
  } catch {
    return null;
  }
}

/** Summaries as the History panel needs them; a row missing a field makes the answer unreadable. */
function readVersionList(rows: readonly unknown[]): RoomVersion[] | null {
  const versions: RoomVersion[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) return null;
    const v = row as Record<string, unknown>;
    const numbers = [v.createdAt, v.cards, v.edges, v.findings, v.bytes];
    if (
      typeof v.id !== 'string' ||
      typeof v.name !== 'string' ||
      !VERSION_KINDS.includes(v.kind as VersionKind) ||
      !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))
    )
      return null;
    const optional = (key: string) => (typeof v[key] === 'string' ? { [key]: v[key] } : {});
    versions.push({
      id: v.id,
      name: v.name,
      kind: v.kind as VersionKind,
      createdAt: v.createdAt as number,
      cards: v.cards as number,
      edges: v.edges as number,
      findings: v.findings as number,
      bytes: v.bytes as number,
      ...optional('note'),
      ...optional('author'),
      ...optional('reviewedOn'),
    });
  }
  return versions;
}

async function call(
  options: RoomApiOptions,
  path: string,
  init: RequestInit,
): Promise<
  { ok: true; status: number; value: string } | { ok: false; status: number; message: string }
> {
  const doFetch = options.fetch ?? fetch;
  const url = options.baseUrl ? new URL(path, options.baseUrl).href : path;
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch {
    return { ok: false, status: 0, message: 'The co-editing server could not be reached.' };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true, status: response.status, value: text };
  return { ok: false, status: response.status, message: errorMessage(text, response.status) };
}

/** The server answers errors as `{ "error": "<sentence>" }`. */
function errorMessage(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const { error } = body as { error: unknown };
      if (typeof error === 'string') return error;
    }
  } catch {
    // not JSON: fall through to the status
  }
  return `The co-editing server answered ${status}.`;
}

function readLinks(text: string, status: number): RoomApiResult<RoomLinks> {
  try {
    const body = JSON.parse(text) as Partial<Record<keyof RoomLinks, unknown>>;
    const { id, editUrl, viewUrl } = body;
    if (typeof id === 'string' && typeof editUrl === 'string' && typeof viewUrl === 'string') {
      return { ok: true, value: { id, editUrl, viewUrl } };
    }
  } catch {
    // fall through
  }
  return { ok: false, status, message: 'The co-editing server answered something unexpected.' };
}
