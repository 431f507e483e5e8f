// Wire format of the web host's WebSocket bridge (the Electron build uses ipcMain/ipcRenderer instead).
// Both carry the same contract; this file only frames it.
import type { Channel, EventName } from './contract';
import type { Result } from './result';

/** renderer -> main */
export interface BridgeRequest {
  readonly id: number;
  readonly channel: Channel;
  readonly input: unknown;
}

/** main -> renderer: the answer to one request, or a pushed event */
export type BridgeMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: EventName; readonly payload: unknown };

/** Path of the WebSocket endpoint on the web host (same origin as the page). */
export const BRIDGE_PATH = '/bridge';
