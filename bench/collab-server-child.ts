/**
 * The co-editing server for the collab bench, in a process of its own (so the clients' work does
 * not count as the server's, and its heap is its own). Run with --expose-gc; answers
 * `{ type: 'memory' }` on the IPC channel with its heap after a full GC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../src/server/server';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: collab-server-child.ts <data dir>');
const server = await startServer({
  port: 0,
  dataDir,
  distDir: `${dataDir}/no-dist`,
  log: () => undefined,
  // The bench's 200 clients come from one address and edit faster than people do.
  limits: { maxConnectionsPerRoom: 1000, messagesPerSecond: 10_000, messageBurst: 10_000 },
});
const gc = (globalThis as { gc?: () => void }).gc;
// How late the server's event loop runs (the queueing an edit meets here), from `lag-start`.
const lag = monitorEventLoopDelay({ resolution: 5 });
process.on('message', (message: { type: string }) => {
  if (message.type === 'lag-start') {
    lag.reset();
    lag.enable();
  }
  if (message.type === 'lag') {
    lag.disable();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    process.send?.({
      type: 'lag',
      p50: ms(lag.percentile(50)),
      p95: ms(lag.percentile(95)),
      max: ms(lag.max),
    });
  }
  if (message.type === 'memory') {
    gc?.();
    gc?.();
    const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
    process.send?.({ type: 'memory', heapUsed, rss, external, arrayBuffers });
  }
});
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.send?.({ type: 'ready', url: server.url });
