import { describe, expect, it, vi } from 'vitest';
import { channelNames, type Channel } from '../../main/api/contract';
import { ok, type Result } from '../../main/api/result';
import { isAppUrl } from '../../main/electron/app-origin';
import { invokeChannel } from '../../main/electron/channels';
import { registerIpc } from '../../main/electron/ipc';
import { FakeIpcMain, FakeWindow, frame, invokeEvent } from './fakes';

const APP_URL = 'app://pos/index.html';

function setup(
  dispatch = vi.fn(async (_c: Channel | string, payload: unknown): Promise<Result<unknown>> => ok(payload)),
) {
  const ipcMain = new FakeIpcMain();
  const mainFrame = frame(APP_URL);
  const win = new FakeWindow(10, mainFrame);
  const dispose = registerIpc({
    ipcMain,
    getMainWindow: () => win,
    host: { dispatchUntyped: dispatch },
    isAppUrl: (url) => isAppUrl(url, null),
  });
  const call = (channel: string, event = invokeEvent(10, mainFrame), payload: unknown = {}) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  };
  return { ipcMain, win, mainFrame, dispatch, dispose, call };
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract channel, named pos:<channel>', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((c) => `pos:${c}`).sort());
    expect(ipcMain.handlers.size).toBe(channelNames.length);
  });

  it('has no generic pass-through channel', () => {
    const { ipcMain } = setup();
    for (const name of ipcMain.handlers.keys()) {
      expect(channelNames.map(invokeChannel)).toContain(name);
    }
  });

  it('removes every handler on dispose', () => {
    const { ipcMain, dispose } = setup();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('IPC sender check', () => {
  it('passes an accepted call to host.dispatchUntyped with the channel and payload, and returns its Result', async () => {
    const { call, dispatch, mainFrame } = setup();
    const payload = { code: '6901234567892' };
    const result = await call('pos:cart.scan', invokeEvent(10, mainFrame), payload);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('cart.scan', payload);
    expect(result).toEqual({ ok: true, value: payload });
  });

  it('accepts the same main frame re-wrapped (same process and routing id)', async () => {
    const { call, dispatch } = setup();
    await call('pos:cart.get', invokeEvent(10, frame(APP_URL)));
    expect(dispatch).toHaveBeenCalledOnce();
  });

  const forbidden = async (event: ReturnType<typeof invokeEvent>, mutate?: (w: FakeWindow) => void) => {
    const s = setup();
    mutate?.(s.win);
    const result = (await s.call('pos:sale.tenderCash', event, {
      cartId: 'c',
      cartVersion: 1,
      tenderedMinor: 100,
    })) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN_SENDER');
    expect(s.dispatch).not.toHaveBeenCalled();
  };

  it('rejects a subframe, even one on the app origin', async () => {
    const top = frame(APP_URL);
    await forbidden(invokeEvent(10, frame(APP_URL, { parent: top, routingId: 2 })));
  });

  it('rejects a foreign origin in the main frame', async () => {
    await forbidden(invokeEvent(10, frame('https://evil.example/', {})));
  });

  it('rejects a foreign-origin subframe', async () => {
    await forbidden(invokeEvent(10, frame('https://ads.example/', { parent: frame(APP_URL), routingId: 3 })));
  });

  it('rejects another webContents, a different frame, a vanished frame, or no main window', async () => {
    await forbidden(invokeEvent(11, frame(APP_URL)));
    await forbidden(invokeEvent(10, frame(APP_URL, { processId: 99 })));
    await forbidden(invokeEvent(10, null));
    await forbidden(invokeEvent(10, frame(APP_URL)), (w) => (w.destroyed = true));
  });

  it('rejects when inspecting the sender throws (destroyed frame)', async () => {
    const detached = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
      processId: 7,
      routingId: 1,
    };
    await forbidden(invokeEvent(10, detached));
  });

  it('turns a throwing dispatch into an INTERNAL Result', async () => {
    const { call } = setup(
      vi.fn(async (): Promise<Result<unknown>> => {
        throw new Error('boom');
      }),
    );
    const result = (await call('pos:cart.get')) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('accepts the dev server origin only when one is configured', async () => {
    const dev = 'http://localhost:5173';
    const ipcMain = new FakeIpcMain();
    const mainFrame = frame(`${dev}/`);
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ok(null));
    registerIpc({
      ipcMain,
      getMainWindow: () => new FakeWindow(1, mainFrame),
      host: { dispatchUntyped: dispatch },
      isAppUrl: (u) => isAppUrl(u, dev),
    });
    await ipcMain.handlers.get('pos:status.get')?.(invokeEvent(1, mainFrame), {});
    expect(dispatch).toHaveBeenCalledOnce();
  });
});
