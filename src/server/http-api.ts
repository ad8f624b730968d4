import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { parseYDoc } from '../collab/from-ydoc';
import { ROOMS_API_PATH, isRoomPart, roomFragment, type RoomRole } from '../collab/protocol';
import type { RoomLinks } from '../collab/room-api';
import { diagramToYDoc } from '../collab/to-ydoc';
import { parseDiagramFile } from '../io/parse-file';
import { describeProblems } from '../io/problems';
import { serializeDiagram } from '../io/serialize';
import type { Collab } from './collab';
import type { Limits } from './limits';
import { logRefusal, type Logger } from './refusal-log';
import { mergeStates, type RoomStore, type TokenRecord } from './room-store';
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
 * `POST /api/rooms`, `GET /api/rooms/:id/diagram`, `POST /api/rooms/:id/links`. Answers
 * JSON; errors as `{ "error": "<sentence>" }`. Returns false for paths outside the API.
 */
export function createApi(options: ApiOptions) {
  const { store, collab, limits, log } = options;

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
