// One HTTP exchange with the gateway, classified by whether the request can have left: over HTTPS with the
// configured certificate as the ONLY trust anchor (tls-pin.ts), or plain HTTP to loopback (the training
// sandbox). "Sent" means the bytes could have reached the gateway: after the TCP connect for HTTP, after the
// TLS handshake for HTTPS (a certificate the pin refuses sends nothing: unreachable, not unknown).
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { describeTlsFailure, tlsOptions, type TlsPin } from './tls-pin';

export interface RawAnswer {
  readonly status: number;
  readonly body: Buffer;
  readonly headers: http.IncomingHttpHeaders;
}

export type RawOutcome =
  | { readonly kind: 'answer'; readonly answer: RawAnswer }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string; readonly staleSocket?: boolean };

export interface TransportOptions {
  readonly baseUrl: URL;
  /** required for https:// */
  readonly tls?: TlsPin | undefined;
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly maxSockets: number;
}

export interface Transport {
  send(
    method: string,
    path: string,
    body: string,
    headers: Record<string, string>,
    fresh?: boolean,
  ): Promise<RawOutcome>;
  close(): void;
}

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain HTTP only to this machine: card data, keys and answers never cross a network in the clear. */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.has(hostname.toLowerCase());

export function createTransport(o: TransportOptions): Transport {
  const { baseUrl: base } = o;
  const secure = base.protocol === 'https:';
  if (!secure && base.protocol !== 'http:')
    throw new Error(`the gateway URL must be https://, got ${base.protocol}`);
  if (!secure && !isLoopbackHost(base.hostname))
    throw new Error(`plain http:// is only for a gateway on this machine; use https:// for ${base.host}`);
  if (secure && !o.tls)
    throw new Error('an https:// gateway needs its pinned certificate (gateway.serverCertFile)');
  const pin = secure ? o.tls : undefined;
  const agentOptions = { keepAlive: true, maxSockets: o.maxSockets };
  const agent = pin ? new https.Agent({ ...agentOptions, ...tlsOptions(pin) }) : new http.Agent(agentOptions);
  const request = (options: https.RequestOptions): http.ClientRequest =>
    pin ? https.request({ ...options, ...tlsOptions(pin) }) : http.request(options);

  const send: Transport['send'] = (method, path, body, headers, fresh = false) =>
    new Promise<RawOutcome>((resolve) => {
      let settled = false;
      let sent = false;
      const done = (outcome: RawOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve(outcome);
      };
      const req = request({
        // A retry after a stale kept-alive socket goes out on a new connection: the pool may hold more stale ones.
        agent: fresh ? false : agent,
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port,
        method,
        path,
        headers: {
          ...headers,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      });
      let answered = false;
      const fail = (reason: string, timedOut = false): void =>
        done(
          sent
            ? // A kept-alive socket the server had already closed fails at once with nothing back on it; a
              // request that timed out was simply not answered in time, and is not retried.
              { kind: 'unknown', reason, staleSocket: req.reusedSocket && !answered && !timedOut }
            : { kind: 'unreachable', reason },
        );
      const total = setTimeout(() => {
        fail(`no answer within ${o.timeoutMs} ms`, true);
        req.destroy();
      }, o.timeoutMs);
      req.on('socket', (socket) => {
        // A reused keep-alive socket is already connected (and, over TLS, its pinned session established):
        // the bytes go out at once.
        if (!socket.connecting && (!pin || (socket as TLSSocket).authorized)) {
          sent = true;
          return;
        }
        const connectTimer = setTimeout(() => {
          fail(`no connection within ${o.connectTimeoutMs} ms`);
          req.destroy();
        }, o.connectTimeoutMs);
        socket.once(pin ? 'secureConnect' : 'connect', () => {
          clearTimeout(connectTimer);
          sent = true;
        });
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.on('error', (e: NodeJS.ErrnoException) =>
        fail((pin && !sent ? describeTlsFailure(e, pin) : null) ?? e.code ?? e.message),
      );
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) {
            res.destroy();
            done({ kind: 'unknown', reason: 'answer too large' });
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          done({
            kind: 'answer',
            answer: { status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers },
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) => done({ kind: 'unknown', reason: e.code ?? e.message }));
        res.on('aborted', () => done({ kind: 'unknown', reason: 'answer cut off' }));
      });
      req.end(body);
    });

  return { send, close: () => agent.destroy() };
}
