import type { SocketFactory } from './ws-bridge';

/** The page's own WebSocket behind the bridge's transport-neutral factory. */
export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.onOpen();
  ws.onmessage = (ev: MessageEvent) => {
    if (typeof ev.data === 'string') handlers.onMessage(ev.data);
  };
  ws.onclose = () => handlers.onClose();
  return {
    send: (text) => ws.send(text),
    close: () => ws.close(),
  };
};
