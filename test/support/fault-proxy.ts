// A loopback TCP proxy that breaks the network between the till and the gateway on command, below HTTP:
//   pass            – bytes flow both ways;
//   partition       – new connections are accepted and then hear nothing; bytes in flight are held (a cable pulled);
//   reset           – every connection is reset as soon as it opens;
//   drop-responses  – requests reach the gateway (which commits), answers are thrown away and the socket closed.
// Switching mode affects connections opened afterwards and, for partition/drop, the bytes of open ones too.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'pass' | 'partition' | 'reset' | 'drop-responses';

export interface FaultProxy {
  readonly url: string;
  mode: ProxyMode;
  close(): Promise<void>;
}

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let mode: ProxyMode = 'pass';
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'reset') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (d) => {
      if (mode === 'partition') return; // held forever: the request never arrives
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (mode === 'partition') return;
      if (mode === 'drop-responses') {
        client.destroy(); // the gateway did the work; the till never hears
        return;
      }
      client.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    set mode(m: ProxyMode) {
      mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
