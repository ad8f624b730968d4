import type { DealsReply, DealsRequest } from '../../actuals/deals-worker-session';

type Request = DealsRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

export interface DealsWorker {
  /** Sends one request; resolves with its reply, or null when a newer request overtook it. */
  request(request: Request): Promise<DealsReply | null>;
}

/**
 * The page's end of the deals worker, started on first use and kept (the deals stay in it).
 * Where no module worker can start (tests, an old browser, a blocked script) the same session
 * runs on the page, loaded on demand, so the import still works, only less smoothly.
 */
export function createDealsWorker(): DealsWorker {
  let worker: Worker | null | undefined;
  let local: ((request: DealsRequest) => Promise<DealsReply | null>) | undefined;
  let next = 0;
  let latest = 0;
  const pending = new Map<number, (reply: DealsReply | null) => void>();

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    worker = null;
    if (typeof Worker === 'undefined') return worker;
    try {
      const started = new Worker(new URL('../../actuals/deals.worker.ts', import.meta.url), {
        type: 'module',
        name: 'deals',
      });
      started.addEventListener('message', (event: MessageEvent<DealsReply>) => {
        const settle = pending.get(event.data.id);
        pending.delete(event.data.id);
        settle?.(event.data.id === latest ? event.data : null);
      });
      started.addEventListener('error', (event) => {
        event.preventDefault();
        for (const [id, settle] of pending) {
          settle({
            kind: 'refused',
            id,
            problem: { message: 'The deals reader stopped unexpectedly; try the import again.' },
          });
        }
        pending.clear();
        started.terminate();
        if (worker === started) worker = undefined;
      });
      worker = started;
    } catch {
      // No module worker here: the session runs on the page instead.
    }
    return worker;
  };

  return {
    async request(request) {
      const id = ++next;
      latest = id;
      const message = { ...request, id } as DealsRequest;
      const target = start();
      // Forgetting has no answer to wait for.
      if (target && request.kind === 'forget') {
        target.postMessage(message);
        return null;
      }
      if (target) {
        return new Promise((resolve) => {
          pending.set(id, resolve);
          target.postMessage(message);
        });
      }
      local ??= (await import('../../actuals/deals-worker-session')).createDealsSession();
      const reply = await local(message);
      return id === latest ? reply : null;
    },
  };
}
