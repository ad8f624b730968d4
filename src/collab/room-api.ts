import { parseDiagramFile } from '../io/parse-file';
import { serializeDiagram } from '../io/serialize';
import type { Diagram } from '../model/schema';
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
  }).then((result) => {
    if (!result.ok) return result;
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
