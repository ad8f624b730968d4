import { createId } from '../../model/factories';

/** What one tab tells the others: a diagram was written (saved or renamed) or deleted. */
export type TabMessage =
  | { readonly type: 'saved'; readonly id: string; readonly rev: number }
  | { readonly type: 'deleted'; readonly id: string };

const CHANNEL_NAME = 'gtm-blueprint';

/**
 * The tabs of one browser profile tell each other about every write to the library, over a
 * BroadcastChannel. A message is only a hint to look again: what counts is what storage holds,
 * and the revision check on every save keeps a tab from writing over work it has not seen.
 */
export class CrossTabSync {
  readonly tabId = createId('tab');
  private readonly channel: BroadcastChannel | null;

  constructor(onMessage: (message: TabMessage) => void, channelName = CHANNEL_NAME) {
    this.channel =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
    if (this.channel)
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        const message = this.read(event.data);
        if (message) onMessage(message);
      };
  }

  announce(message: TabMessage): void {
    this.channel?.postMessage({ ...message, tab: this.tabId });
  }

  close(): void {
    this.channel?.close();
  }

  /** Another tab's message, checked: an old build or another page may post other shapes. */
  private read(data: unknown): TabMessage | null {
    if (typeof data !== 'object' || data === null) return null;
    const { type, id, rev, tab } = data as Record<string, unknown>;
    if (tab === this.tabId || typeof id !== 'string') return null;
    if (type === 'saved') return { type, id, rev: typeof rev === 'number' ? rev : Infinity };
    if (type === 'deleted') return { type, id };
    return null;
  }
}
