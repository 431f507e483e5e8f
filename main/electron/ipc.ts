// One ipcMain.handle per contract channel, generated from `channelNames`: no hand-kept list and no generic
// pass-through. Every call is checked to come from our window's main frame on our origin before the host sees it.
import { channelNames, type Channel } from '../api/contract';
import { err, type Result } from '../api/result';
import type { Host, Logger as Log } from '../host-types';
import { invokeChannel } from './channels';

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export interface MainWindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameLike };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly getMainWindow: () => MainWindowLike | null;
  readonly host: Pick<Host, 'dispatchUntyped'>;
  /** The app-origin test (app://pos, or the dev server in development). */
  readonly isAppUrl: (url: string) => boolean;
  readonly log?: Log;
}

/**
 * Why a sender is refused, or null when it is our main window's top frame showing our page.
 * Frames are compared by identity and by (processId, routingId), since a frame object may be re-wrapped.
 */
export function senderRejection(
  event: InvokeEventLike,
  win: MainWindowLike | null,
  isAppUrl: (url: string) => boolean,
): string | null {
  if (win === null || win.isDestroyed()) return 'no main window';
  const contents = win.webContents;
  if (event.sender.id !== contents.id) return 'not the main window';
  const frame = event.senderFrame;
  if (frame === null) return 'sender frame gone';
  if (frame.parent !== null) return 'subframe';
  const main = contents.mainFrame;
  const sameFrame =
    frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  if (!sameFrame) return 'not the main frame';
  if (!isAppUrl(frame.url)) return 'foreign origin';
  return null;
}

/** Registers the handlers; returns a function that removes them again (used on shutdown and in tests). */
export function registerIpc(options: RegisterIpcOptions): () => void {
  const { ipcMain, getMainWindow, host, isAppUrl, log } = options;
  const handlerFor =
    (channel: Channel) =>
    async (event: InvokeEventLike, payload: unknown): Promise<Result<unknown>> => {
      let rejection: string | null;
      try {
        rejection = senderRejection(event, getMainWindow(), isAppUrl);
      } catch {
        // A destroyed or detached frame throws on access: treat as not ours.
        rejection = 'sender not inspectable';
      }
      if (rejection !== null) {
        log?.('warn', 'ipc call refused', { channel, reason: rejection });
        return err('FORBIDDEN_SENDER', `IPC call to ${channel} refused: ${rejection}`);
      }
      try {
        return await host.dispatchUntyped(channel, payload);
      } catch (error) {
        // dispatch promises never to throw; if it does anyway, the renderer still gets a Result.
        log?.('error', 'host.dispatchUntyped threw', { channel, error: String(error) });
        return err('INTERNAL', 'Unexpected error in the main process');
      }
    };

  for (const channel of channelNames) ipcMain.handle(invokeChannel(channel), handlerFor(channel));
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(invokeChannel(channel));
  };
}
