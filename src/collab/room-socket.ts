import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * Hocuspocus's provider websocket, made to stay closed once destroyed. When the server closes a
 * socket (a refusal, a restart), the socket schedules `connect()` after its retry delay; if it
 * is destroyed in that window (leaving the room, a test ending), the timer still fires and
 * `connect()` turns reconnecting back on, so a left room went on dialling the server for ever
 * (a retry every few seconds, with no provider attached) and kept Node processes alive.
 */
export class RoomSocket extends HocuspocusProviderWebsocket {
  private destroyed = false;

  override connect(): Promise<unknown> {
    if (this.destroyed) return Promise.resolve();
    return super.connect();
  }

  override destroy(): void {
    this.destroyed = true;
    super.destroy();
  }
}
