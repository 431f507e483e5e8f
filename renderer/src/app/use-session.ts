// Connects the reducer to main: bootstrap, pushed events, refresh after a reconnect.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { PosApi } from '@contract/contract';
import { getPos } from '../platform/pos';
import { getConnectionState, subscribeConnection } from '../platform/connection';
import type { ConnectionState } from '../platform/ws-bridge';
import { errorMessage } from '../i18n/errors';
import { initialSession, sessionReducer } from './session';
import { createActions, type Actions } from './actions';

export interface Session {
  readonly state: ReturnType<typeof sessionReducer>;
  readonly connection: ConnectionState;
  readonly actions: Actions | null;
  readonly retryBoot: () => void;
}

export function useSession(): Session {
  const [state, dispatch] = useReducer(sessionReducer, initialSession);
  const [pos, setPos] = useState<PosApi | null>(null);
  const connection = useSyncExternalStore(subscribeConnection, getConnectionState);

  useEffect(() => {
    let live = true;
    void getPos().then((api) => live && setPos(api));
    return () => {
      live = false;
    };
  }, []);

  const boot = useCallback(async () => {
    if (!pos) return;
    const r = await pos.app.bootstrap({});
    if (r.ok) {
      dispatch({ type: 'booted', boot: r.value });
    } else {
      dispatch({ type: 'bootFailed' });
      dispatch({ type: 'toast', toast: { tone: 'error', ...errorMessage(r.error) } });
    }
  }, [pos]);

  useEffect(() => {
    if (!pos) return;
    void boot();
    const offCart = pos.on('cart', (cart) => dispatch({ type: 'cart', cart }));
    const offStatus = pos.on('status', (status) => dispatch({ type: 'status', status }));
    return () => {
      offCart();
      offStatus();
    };
  }, [pos, boot]);

  const actions = useMemo(() => (pos ? createActions(pos, dispatch) : null), [pos]);

  // The pushed status only carries a summary of the printer: fetch the details whenever it changes.
  const printerState = state.status?.printer.state;
  const printerDetail = state.status?.printer.detail;
  useEffect(() => {
    if (printerState === undefined || !actions) return;
    void actions.printerStatus();
  }, [printerState, printerDetail, actions]);

  // Back from a dropped connection: whatever happened meanwhile (a sale on another screen, a status
  // change), re-read it rather than trust what is on screen.
  const previous = useRef(connection);
  useEffect(() => {
    const was = previous.current;
    previous.current = connection;
    if (connection === 'open' && was !== 'open' && state.phase === 'ready') void actions?.refresh();
    if (connection === 'open' && was !== 'open' && state.phase === 'failed') void boot();
  }, [connection, state.phase, actions, boot]);

  return { state, connection, actions, retryBoot: () => void boot() };
}
