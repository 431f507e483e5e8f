// The renderer's single door to main. Electron: the preload's `window.pos`. Web host: the WebSocket bridge,
// loaded lazily so the Electron build never parses it (nor the schemas it pulls in).
import type { PosApi } from '@contract/contract';
import { BRIDGE_PATH } from '@contract/bridge-protocol';
import { setConnectionState } from './connection';

let pos: Promise<PosApi> | undefined;

export function getPos(): Promise<PosApi> {
  pos ??= window.pos ? Promise.resolve(fromPreload(window.pos)) : connectBridge();
  return pos;
}

function fromPreload(api: PosApi): PosApi {
  setConnectionState('open');
  return api;
}

async function connectBridge(): Promise<PosApi> {
  const [{ createWsBridge }, { browserSocket }] = await Promise.all([
    import('./ws-bridge'),
    import('./browser-socket'),
  ]);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const bridge = createWsBridge({
    url: `${scheme}://${location.host}${BRIDGE_PATH}`,
    createSocket: browserSocket,
    onState: setConnectionState,
  });
  await bridge.ready;
  return bridge.api;
}
