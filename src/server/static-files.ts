import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The policy the built app runs under (issue 7; the browser tests serve it the same way): no
 * inline scripts, no eval. 'unsafe-inline' styles because React Flow positions nodes with
 * style attributes; connect-src 'self' covers the same-origin websocket.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built app from `dir`: a file when one matches, else index.html (the app routes
 * itself), never anything outside `dir`. Hashed assets are cached for a year, the rest not.
 */
export function createStaticFiles(dir: string) {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const built = existsSync(index);

  return async function serveStatic(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!built) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The app is not built: run `npm run build`, then start the server again.\n');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const candidate = resolve(root, `.${path}`);
    if (path.includes('\0') || (candidate !== root && !candidate.startsWith(root + sep))) {
      response.writeHead(403).end();
      return;
    }
    const info = await stat(candidate).catch(() => null);
    const file = info?.isFile() ? candidate : index;
    const body = await readFile(file);
    const hashed = file.startsWith(join(root, 'assets') + sep);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
