/**
 * The PNG encoder's worker: the page rasterises strip n + 1 while this encodes strip n, and the
 * page stays responsive while it does. The exchange itself is `png-worker-session.ts`.
 */
import { createPngWorkerSession, type PngWorkerRequest } from './png-worker-session';

const handle = createPngWorkerSession();

self.addEventListener('message', (event: MessageEvent<PngWorkerRequest>) => {
  const reply = handle(event.data);
  if (!reply) return;
  // The picture is handed over, not copied.
  self.postMessage(reply, { transfer: reply.kind === 'done' ? [reply.png.buffer] : [] });
});
