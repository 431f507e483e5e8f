import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../main/api/contract';
import { createPreloadApi, type IpcRendererLike } from '../../main/electron/preload-api';

function fakeIpcRenderer(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike & {
    fire(channel: string, payload: unknown): void;
    listeners: typeof listeners;
  } = {
    listeners,
    invoke: vi.fn((channel: string, input?: unknown) => answer(channel, input)),
    on(channel, listener) {
      (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel))?.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    fire(channel, payload) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer internals' }, payload);
    },
  };
  return ipc;
}

describe('preload window.pos', () => {
  it('exposes exactly the contract channels as typed methods, plus on()', () => {
    const api = createPreloadApi(fakeIpcRenderer(async () => ({ ok: true, value: null })));
    const exposed = Object.entries(api)
      .filter(([k]) => k !== 'on')
      .flatMap(([group, verbs]) => Object.keys(verbs as object).map((verb) => `${group}.${verb}`));
    expect(exposed.sort()).toEqual([...channelNames].sort());
    expect(typeof api.on).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('invokes pos:<channel> with the input and returns the Result', async () => {
    const ipc = fakeIpcRenderer(async (_c, input) => ({ ok: true, value: input }));
    const api = createPreloadApi(ipc);
    await expect(api.cart.scan({ code: '6901234567892' })).resolves.toEqual({
      ok: true,
      value: { code: '6901234567892' },
    });
    expect(ipc.invoke).toHaveBeenCalledWith('pos:cart.scan', { code: '6901234567892' });
  });

  it('turns a rejected invoke into an INTERNAL Result instead of throwing', async () => {
    const api = createPreloadApi(
      fakeIpcRenderer(async () => {
        throw new Error("No handler registered for 'pos:cart.get'");
      }),
    );
    await expect(api.cart.get({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const ipc = fakeIpcRenderer(async () => null);
    const api = createPreloadApi(ipc);
    const seen: unknown[][] = [];
    const off = api.on('cart', (...args: unknown[]) => seen.push(args));
    ipc.fire('pos:event:cart', { version: 3 });
    expect(seen).toEqual([[{ version: 3 }]]);
    off();
    ipc.fire('pos:event:cart', { version: 4 });
    expect(seen).toHaveLength(1);
    expect(ipc.listeners.get('pos:event:cart')?.size).toBe(0);
  });

  it('refuses events outside the contract', () => {
    const api = createPreloadApi(fakeIpcRenderer(async () => null));
    expect(() => (api.on as (e: string, l: () => void) => void)('anything', () => {})).toThrow(TypeError);
  });
});
