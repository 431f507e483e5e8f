import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../main/api/contract';
import type { EventListener } from '../../main/host-types';
import { bridgeHostEvents } from '../../main/electron/events';
import { FakeWindow, frame } from './fakes';

function fakeHost() {
  const listeners = new Set<EventListener>();
  return {
    listeners,
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit<E extends EventName>(event: E, payload: Events[E]) {
      for (const l of listeners) l(event, payload);
    },
  };
}

const status = (training: boolean) => ({ trainingMode: training }) as unknown as Events['status'];
const cart = (version: number) => ({ version }) as unknown as Events['cart'];

describe('host events -> renderer', () => {
  it('holds events until the page has loaded, keeping only the latest of each, then delivers them', () => {
    const host = fakeHost();
    const bridge = bridgeHostEvents(host);
    const win = new FakeWindow(1, frame('app://pos/index.html'));
    bridge.attach(win);

    host.emit('cart', cart(1));
    host.emit('cart', cart(2));
    host.emit('status', status(true));
    expect(win.webContents.sent).toEqual([]);

    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toEqual([
      { channel: 'pos:event:cart', payload: cart(2) },
      { channel: 'pos:event:status', payload: status(true) },
    ]);

    host.emit('cart', cart(3));
    expect(win.webContents.sent.at(-1)).toEqual({ channel: 'pos:event:cart', payload: cart(3) });
  });

  it('drops events for a destroyed window and unsubscribes on dispose', () => {
    const host = fakeHost();
    const bridge = bridgeHostEvents(host);
    const win = new FakeWindow(1, frame('app://pos/index.html'));
    bridge.attach(win);
    win.webContents.emit('did-finish-load');
    win.destroyed = true;
    host.emit('status', status(false));
    expect(win.webContents.sent).toEqual([]);

    bridge.dispose();
    expect(host.listeners.size).toBe(0);
  });

  it('never forwards an event name outside the contract', () => {
    const host = fakeHost();
    const bridge = bridgeHostEvents(host);
    const win = new FakeWindow(1, frame('app://pos/index.html'));
    bridge.attach(win);
    win.webContents.emit('did-finish-load');
    (host.emit as (e: string, p: unknown) => void)('secrets', { pin: '1234' });
    expect(win.webContents.sent).toEqual([]);
  });
});
