/**
 * Clients of the collab bench in a process of their own, so 200 clients need not share one
 * event loop. Gets its rooms on the IPC channel, says `synced` once its clients are, starts
 * editing on `go`, and answers with its samples (ms, timed on this process's clock).
 */
import { editRooms } from './collab-bench';

type Args = Parameters<typeof editRooms>;

let go: () => void = () => undefined;
const started = new Promise<void>((done) => (go = done));

process.on('message', (message: { type: string; args?: Args }) => {
  if (message.type === 'go') go();
  if (message.type !== 'run' || !message.args) return;
  const [url, rooms, clientsPerRoom, diagram, editsPerRoom, pace] = message.args;
  void editRooms(url, rooms, clientsPerRoom, diagram, editsPerRoom, pace, async () => {
    process.send?.({ type: 'synced' });
    await started;
  }).then((samples) => {
    process.send?.({ type: 'samples', samples }, () => process.exit(0));
  });
});
