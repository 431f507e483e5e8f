// The body of the preload, free of Electron imports so it is testable: builds the narrow `window.pos` from the
// contract over ipcRenderer. Only contract channels and events are reachable; ipcRenderer itself never leaks.
import {
  buildPosApi,
  channelNames,
  eventNames,
  type Channel,
  type EventName,
  type PosApi,
} from '../api/contract';
import { err, type Result } from '../api/result';
import { eventChannel, invokeChannel } from './channels';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipc: IpcRendererLike): PosApi {
  const invoke = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    if (!channelNames.includes(channel)) return err('UNKNOWN_CHANNEL', `Unknown channel: ${String(channel)}`);
    try {
      return (await ipc.invoke(invokeChannel(channel), input)) as Result<unknown>;
    } catch (error) {
      // No handler (main failed to start) or a transport error: the renderer still receives a Result.
      return err(
        'INTERNAL',
        `IPC to ${channel} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new TypeError(`Unknown event: ${String(event)}`);
    // Drop the IpcRendererEvent: it carries `sender` (ipcRenderer) and must never reach page code.
    const handler = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(eventChannel(event), handler);
    return () => {
      ipc.removeListener(eventChannel(event), handler);
    };
  };

  return buildPosApi(invoke, subscribe);
}
