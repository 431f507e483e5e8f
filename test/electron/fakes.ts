// Small hand-written stand-ins for the Electron objects the shell modules receive. Tests never import 'electron'.
import type { FrameLike, InvokeEventLike, MainWindowLike } from '../../main/electron/ipc';

type Listener = (...args: never[]) => unknown;

/** Minimal event emitter: `on`/`once` record listeners, `emit` calls them. */
export class FakeEmitter {
  readonly listeners = new Map<string, { fn: Listener; once: boolean }[]>();

  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: false }]);
    return this;
  }

  once(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn, once: true }]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      list.filter((l) => !l.once),
    );
    for (const l of list) (l.fn as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A preventable event as Electron passes it (`details` for navigation events). */
export const preventable = (url = ''): { url: string; defaultPrevented: boolean; preventDefault(): void } => {
  const e = {
    url,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
};

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { readonly url: string }) => { action: 'deny' }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;

  constructor(
    readonly id: number,
    readonly mainFrame: FrameLike,
  ) {
    super();
  }

  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export const frame = (url: string, opts: Partial<FrameLike> = {}): FrameLike => ({
  url,
  parent: null,
  processId: 7,
  routingId: 1,
  ...opts,
});

export class FakeWindow implements MainWindowLike {
  destroyed = false;
  readonly webContents: FakeWebContents;

  constructor(id: number, mainFrame: FrameLike) {
    this.webContents = new FakeWebContents(id, mainFrame);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const invokeEvent = (senderId: number, senderFrame: FrameLike | null): InvokeEventLike => ({
  sender: { id: senderId },
  senderFrame,
});

/** ipcMain stand-in: keeps the registered handlers so a test can call them like Electron would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, (event: InvokeEventLike, payload: unknown) => Promise<unknown>>();

  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
