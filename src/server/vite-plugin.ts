import type { Plugin, PreviewServer, ViteDevServer } from 'vite';

/**
 * `npm run dev` (and `vite preview`) serve the rooms API and /collab from Vite's own server,
 * so two windows of the dev app co-edit with no set-up. Rooms live in ./gtm-data, as with
 * `gtm-blueprint serve`; the same environment variables apply.
 */
export function gtmCollabServer(): Plugin {
  const attach = async (server: ViteDevServer | PreviewServer) => {
    const { createBackend } = await import('./server');
    const backend = await createBackend({
      dataDir: process.env.GTM_DATA ?? './gtm-data',
      databaseUrl: process.env.GTM_DATABASE_URL || undefined,
      databasePrefix: process.env.GTM_DATABASE_PREFIX || undefined,
      redisUrl: process.env.GTM_REDIS_URL || undefined,
      createToken: process.env.GTM_CREATE_TOKEN || undefined,
    });
    server.middlewares.use((request, response, next) => {
      backend
        .handleApi(request, response)
        .then((handled) => (handled ? undefined : next()))
        .catch(next);
    });
    // Vite's HMR socket shares the HTTP server; only the /collab path is taken here.
    server.httpServer?.on('upgrade', (request, socket, head: Buffer) => {
      backend.handleUpgrade(request, socket, head);
    });
    server.httpServer?.once('close', () => void backend.close());
  };
  return {
    name: 'gtm-collab-server',
    configureServer: attach,
    configurePreviewServer: attach,
  };
}
