/**
 * The deals worker: reads a CRM export and computes its figures off the page, so 100,000 rows
 * never hold up a frame. The exchange itself is `deals-worker-session.ts`.
 */
import { createDealsSession, type DealsRequest } from './deals-worker-session';

const handle = createDealsSession();

self.addEventListener('message', (event: MessageEvent<DealsRequest>) => {
  void handle(event.data).then((reply) => {
    if (reply) self.postMessage(reply);
  });
});
