import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { parseYDoc } from '../collab/from-ydoc';
import { ROOMS_API_PATH, isRoomPart, roomFragment, type RoomRole } from '../collab/protocol';
import type { RoomLinks } from '../collab/room-api';
import { diagramToYDoc } from '../collab/to-ydoc';
import { parseDiagramFile } from '../io/parse-file';
import type { Diagram } from '../model/schema';
import { describeProblems } from '../io/problems';
import { serializeDiagram } from '../io/serialize';
import type { Collab } from './collab';
import type { Limits } from './limits';
import { logRefusal, type Logger } from './refusal-log';
import {
  planPrune,
  VERSION_KINDS,
  VERSION_QUOTA,
  VERSION_TEXT_LIMITS,
  versionBytes,
  versionsFullMessage,
  type VersionKind,
  type VersionQuota,
} from '../review/version-policy';
import { mergeStates, type RoomStore, type RoomVersionRow, type TokenRecord } from './room-store';
import { hashToken, newSecret, sameSecret } from './tokens';

export interface ApiOptions {
  readonly store: RoomStore;
  readonly collab: Collab;
  readonly limits: Limits;
  readonly log: Logger;
  /** `GTM_CREATE_TOKEN`: when set, creating a room needs it as a Bearer token. */
  readonly createToken?: string | undefined;
  /** The app's public address for links (`GTM_PUBLIC_URL`); else the request's own host. */
  readonly publicUrl?: string | undefined;
  /** Versions kept per room: the browser's quota unless a test sets a smaller one. */
  readonly versionQuota?: VersionQuota;
  readonly now?: () => number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * `POST /api/rooms`, `GET /api/rooms/:id/diagram`, `POST /api/rooms/:id/links`, and a room's
 * versions: `GET|POST /api/rooms/:id/versions`, `GET|DELETE /api/rooms/:id/versions/:vid`.
 * Answers JSON; errors as `{ "error": "<sentence>" }`. Returns false for paths outside the API.
 */
export function createApi(options: ApiOptions) {
  const { store, collab, limits, log } = options;
  const quota = options.versionQuota ?? VERSION_QUOTA;
  const now = options.now ?? Date.now;

  async function createRoom(request: IncomingMessage): Promise<[number, unknown]> {
    if (options.createToken) {
      const token = bearer(request);
      if (token === null || !sameSecret(token, options.createToken)) {
        logRefusal(log, null, 'create-unauthorized');
        throw new HttpError(
          401,
          "Creating a room needs the server's create token (Authorization: Bearer …).",
        );
      }
    } else if (!isLoopback(request)) {
      logRefusal(log, null, 'create-not-loopback');
      throw new HttpError(
        403,
        'This server creates rooms only for its own machine; set GTM_CREATE_TOKEN to allow others.',
      );
    }
    const text = await readBody(request, limits.maxDiagramBytes);
    const parsed = parseDiagramFile(text);
    if (!parsed.ok) {
      throw new HttpError(400, `The diagram was refused. ${describeProblems(parsed.problems, 5)}`, {
        problems: parsed.problems,
      });
    }
    const id = newSecret();
    const ydoc = diagramToYDoc(parsed.diagram);
    const { tokens, links } = newLinks(request, id);
    await store.createRoom(id, Y.encodeStateAsUpdate(ydoc), tokens);
    ydoc.destroy();
    return [201, links];
  }

  async function roomDiagram(request: IncomingMessage, id: string): Promise<string> {
    await authorize(request, id);
    const stored = await store.load(id);
    if (!stored) throw new HttpError(404, 'There is no such room.');
    // What this instance holds in memory may be ahead of the snapshot; both are merged.
    const live = collab.openDocument(id);
    const state = live ? mergeStates([stored, Y.encodeStateAsUpdate(live)]) : stored;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const result = parseYDoc(ydoc);
    ydoc.destroy();
    if (!result.ok) throw new HttpError(500, "The room's diagram could not be read.");
    return serializeDiagram(result.diagram);
  }

  async function renewLinks(request: IncomingMessage, id: string): Promise<[number, unknown]> {
    const role = await authorize(request, id);
    if (role !== 'edit') throw new HttpError(403, 'Only an edit link can renew the links.');
    const { tokens, links } = newLinks(request, id);
    await store.replaceTokens(id, tokens);
    collab.closeRevoked(id, new Set(tokens.map((t) => t.hash)));
    return [200, links];
  }

  async function listVersions(request: IncomingMessage, id: string): Promise<[number, unknown]> {
    await authorize(request, id);
    return [200, { versions: await store.listVersions(id) }];
  }

  async function readVersion(request: IncomingMessage, id: string, vid: string): Promise<string> {
    await authorize(request, id);
    const found = await store.readVersion(id, vid);
    if (!found) throw new HttpError(404, 'This version is no longer stored.');
    return found.text;
  }

  async function saveVersion(request: IncomingMessage, id: string): Promise<[number, unknown]> {
    const role = await authorize(request, id);
    if (role !== 'edit') {
      logRefusal(log, id, 'version-view-token');
      throw new HttpError(403, 'Only an edit link can save versions of this room.');
    }
    // The file travels as a JSON string, so its quotes are escaped: the body may be larger than
    // the file, which is held to the 5 MB itself once read.
    const body = await readBody(request, limits.maxDiagramBytes * 2 + 64 * 1024);
    const input = readNewVersion(body);
    if (Buffer.byteLength(input.file, 'utf8') > limits.maxDiagramBytes) {
      logRefusal(log, id, 'version-too-large', { bytes: Buffer.byteLength(input.file, 'utf8') });
      throw tooLarge(limits.maxDiagramBytes);
    }
    const parsed = parseDiagramFile(input.file);
    if (!parsed.ok) {
      logRefusal(log, id, 'version-invalid', { problems: parsed.problems.length });
      throw new HttpError(400, `The version was refused. ${describeProblems(parsed.problems, 5)}`, {
        problems: parsed.problems,
      });
    }
    // The file is kept as it was sent (it passed the gate), so it exports byte for byte.
    const row = versionRowOf(newSecret(), input, parsed.diagram, input.file, now());
    const outcome = await store.saveVersion(id, row, input.file, (existing) =>
      planPrune(existing, row, row.createdAt, quota),
    );
    if (!outcome.saved) {
      logRefusal(log, id, 'versions-full', { count: outcome.count, bytes: outcome.bytes });
      throw new HttpError(507, versionsFullMessage(outcome.count, outcome.bytes));
    }
    return [201, { version: row, pruned: outcome.pruned }];
  }

  async function deleteVersion(
    request: IncomingMessage,
    id: string,
    vid: string,
  ): Promise<[number, unknown]> {
    const role = await authorize(request, id);
    if (role !== 'edit') {
      logRefusal(log, id, 'version-view-token');
      throw new HttpError(403, 'Only an edit link can delete versions of this room.');
    }
    if (!(await store.deleteVersion(id, vid)))
      throw new HttpError(404, 'This version is no longer stored.');
    return [200, { deleted: vid }];
  }

  async function authorize(request: IncomingMessage, id: string): Promise<RoomRole> {
    const token = bearer(request);
    if (token === null)
      throw new HttpError(401, 'This needs a room token (Authorization: Bearer …).');
    const role = isRoomPart(token) ? await store.roleOf(id, hashToken(token)) : null;
    if (!role) {
      logRefusal(log, id, 'unauthorized');
      throw new HttpError(401, 'The token does not open this room (it may have been renewed).');
    }
    return role;
  }

  function newLinks(
    request: IncomingMessage,
    id: string,
  ): { tokens: TokenRecord[]; links: RoomLinks } {
    const edit = newSecret();
    const view = newSecret();
    const base = appUrl(request, options.publicUrl);
    return {
      tokens: [
        { hash: hashToken(edit), role: 'edit' },
        { hash: hashToken(view), role: 'view' },
      ],
      links: {
        id,
        editUrl: `${base}#${roomFragment({ room: id, token: edit })}`,
        viewUrl: `${base}#${roomFragment({ room: id, token: view })}`,
      },
    };
  }

  return async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (
      path !== ROOMS_API_PATH &&
      !path.startsWith(`${ROOMS_API_PATH}/`) &&
      !path.startsWith('/api/')
    ) {
      return false;
    }
    try {
      if (path === ROOMS_API_PATH) {
        allow(request, 'POST');
        const [status, body] = await createRoom(request);
        sendJson(response, status, body);
        return true;
      }
      const versionsMatch = /^\/api\/rooms\/([^/]+)\/versions(?:\/([^/]+))?$/.exec(path);
      if (versionsMatch) {
        const [, id = '', vid] = versionsMatch;
        if (!isRoomPart(id)) throw new HttpError(404, 'There is no such room.');
        if (vid === undefined) {
          if (request.method !== 'POST') allow(request, 'GET');
          const [status, body] =
            request.method === 'POST'
              ? await saveVersion(request, id)
              : await listVersions(request, id);
          sendJson(response, status, body);
        } else if (!isRoomPart(vid)) {
          throw new HttpError(404, 'This version is no longer stored.');
        } else if (request.method === 'DELETE') {
          const [status, body] = await deleteVersion(request, id, vid);
          sendJson(response, status, body);
        } else {
          allow(request, 'GET');
          const text = await readVersion(request, id, vid);
          response.writeHead(200, {
            ...API_HEADERS,
            'content-type': 'application/json; charset=utf-8',
          });
          response.end(text);
        }
        return true;
      }
      const match = /^\/api\/rooms\/([^/]+)\/(diagram|links)$/.exec(path);
      if (!match) throw new HttpError(404, 'There is no such API path.');
      const [, id = '', action] = match;
      if (!isRoomPart(id)) throw new HttpError(404, 'There is no such room.');
      if (action === 'diagram') {
        allow(request, 'GET');
        const text = await roomDiagram(request, id);
        response.writeHead(200, {
          ...API_HEADERS,
          'content-type': 'application/json; charset=utf-8',
        });
        response.end(text);
      } else {
        allow(request, 'POST');
        const [status, body] = await renewLinks(request, id);
        sendJson(response, status, body);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        // The rest of an oversized body is not read: the connection closes after the answer.
        if (error.status === 413) response.setHeader('connection', 'close');
        sendJson(response, error.status, { error: error.message, ...error.extra });
      } else {
        logRefusal(log, null, 'server-error', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        sendJson(response, 500, { error: 'The server could not answer.' });
      }
    }
    return true;
  };
}

const API_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...API_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function allow(request: IncomingMessage, method: string): void {
  if (request.method !== method) throw new HttpError(405, `Use ${method} here.`);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isLoopback(request: IncomingMessage): boolean {
  return LOOPBACK.has(request.socket.remoteAddress ?? '');
}

function appUrl(request: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return new URL('/', publicUrl).href;
  const host = request.headers.host ?? 'localhost';
  const secure = 'encrypted' in request.socket && request.socket.encrypted === true;
  return `${secure ? 'https' : 'http'}://${host}/`;
}

interface NewVersionInput {
  readonly file: string;
  readonly name: string;
  readonly note?: string;
  readonly kind: VersionKind;
  readonly author?: string;
  readonly findings: number;
}

/**
 * The envelope of `POST …/versions`: `{ file, name, note?, kind?, author?, findings? }`. What a
 * person typed is length-limited here as in the History form; anything else is refused.
 */
function readNewVersion(body: string): NewVersionInput {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'The version was refused: the body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'The version was refused: the body is not a JSON object.');
  const input = value as Record<string, unknown>;
  const known = new Set(['file', 'name', 'note', 'kind', 'author', 'findings']);
  const unknown = Object.keys(input).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new HttpError(400, `The version was refused: unknown field "${unknown[0]}".`);
  if (typeof input.file !== 'string')
    throw new HttpError(400, 'The version was refused: "file" must be the diagram file as text.');
  const name = text(input.name, 'name', VERSION_TEXT_LIMITS.name);
  if (!name) throw new HttpError(400, 'The version was refused: it needs a name.');
  const note = text(input.note, 'note', VERSION_TEXT_LIMITS.note);
  const author = text(input.author, 'author', VERSION_TEXT_LIMITS.author);
  const kind = input.kind ?? 'named';
  if (!VERSION_KINDS.includes(kind as VersionKind))
    throw new HttpError(
      400,
      `The version was refused: "kind" must be ${VERSION_KINDS.join(', ')}.`,
    );
  const findings = input.findings ?? 0;
  if (!Number.isSafeInteger(findings) || (findings as number) < 0)
    throw new HttpError(400, 'The version was refused: "findings" must be a whole number.');
  return {
    file: input.file,
    name,
    ...(note ? { note } : {}),
    kind: kind as VersionKind,
    ...(author ? { author } : {}),
    findings: findings as number,
  };
}

function text(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new HttpError(400, `The version was refused: "${field}" must be text.`);
  const clean = field === 'note' ? value.trim() : value.replace(/\s+/g, ' ').trim();
  if (clean.length > max)
    throw new HttpError(
      400,
      `The version was refused: "${field}" is over ${max.toLocaleString('en')} characters.`,
    );
  return clean || undefined;
}

/**
 * The summary is the server's own reading of the file (cards, edges, size, the review date it
 * carries); only the findings count is the saver's, since the audit it counts depends on the
 * review baseline and imported actuals, which stay in the browser.
 */
function versionRowOf(
  id: string,
  input: NewVersionInput,
  diagram: Diagram,
  file: string,
  createdAt: number,
): RoomVersionRow {
  const reviewedOn = input.kind === 'reviewed' ? diagram.meta.lastReviewed : undefined;
  return {
    id,
    name: input.name,
    ...(input.note ? { note: input.note } : {}),
    kind: input.kind,
    createdAt,
    ...(input.author ? { author: input.author } : {}),
    cards: diagram.nodes.length,
    edges: diagram.edges.length,
    findings: input.findings,
    bytes: versionBytes(file),
    ...(reviewedOn ? { reviewedOn } : {}),
  };
}

/** The body as text, refused with 413 as soon as it passes `limit` bytes (counted as it streams). */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(tooLarge(limit));
        chunks.length = 0;
        request.removeAllListeners('data');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    `The diagram is over the ${Math.round(limit / 1024 / 1024)} MB a file may have.`,
  );
}
