// The sandbox's answers, signed (main/gateway/protocol/signing.ts): each one carries x-response-signature over
// its status, its body and the request it answers, made with the calling terminal's secret. Also the answer
// faults (faults.ts) that show a client believes only signed answers: a flipped bit, no signature, or an
// earlier answer replayed whole.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS, signResponse } from '../protocol/signing';
import { sendJson, sendJsonSlowly } from './http-io';
import { matchRoute, type RouteName } from './router';

export type AnswerFault = 'tamper-body' | 'unsigned' | 'replay-answer';

export interface SentAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface Answers {
  /** signs (when the terminal is known) and sends; `slowMs` drips the body over that time */
  send(
    res: ServerResponse,
    status: number,
    body: string,
    extra?: Record<string, string>,
    slowMs?: number,
  ): void;
  /** executes an answer fault on this route's answer */
  sendFaulty(res: ServerResponse, fault: AnswerFault, status: number, body: string): void;
}

/** The route a request names, or null (unknown path, wrong method: the handler answers that). */
export function routeOf(req: IncomingMessage): RouteName | null {
  try {
    return matchRoute(req.method ?? 'GET', req.url ?? '/').name;
  } catch {
    return null;
  }
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The body with one bit of its last digit flipped ('0' <-> '1', '8' <-> '9' …): still valid JSON that still
 * matches the protocol (an amount, a time, an id changed), so only the signature can tell.
 */
export function flipOneBit(body: string): string {
  for (let i = body.length - 1; i >= 0; i--) {
    if (/[0-9]/.test(body.charAt(i))) {
      return body.slice(0, i) + String.fromCharCode(body.charCodeAt(i) ^ 0x01) + body.slice(i + 1);
    }
  }
  return `${body} `;
}

/** The answers to one request. `lastByRoute` is shared by the server: what replay-answer sends again. */
export function answersFor(
  req: IncomingMessage,
  route: RouteName | null,
  secretFor: (terminalId: string) => Uint8Array | undefined,
  lastByRoute: Map<RouteName, SentAnswer>,
): Answers {
  const terminalId = one(req.headers[HEADERS.terminal]);
  const nonce = one(req.headers[HEADERS.nonce]);
  const secret = terminalId === undefined ? undefined : secretFor(terminalId);
  // An unknown terminal or a request without a nonce cannot be answered verifiably: it goes unsigned.
  const sign = (status: number, body: string): Record<string, string> =>
    secret === undefined || nonce === undefined
      ? {}
      : signResponse(secret, { method: req.method ?? 'GET', path: req.url ?? '/', nonce, status, body });
  return {
    send(res, status, body, extra = {}, slowMs) {
      const headers = { ...extra, ...sign(status, body) };
      if (route !== null) lastByRoute.set(route, { status, body, headers });
      if (slowMs === undefined) sendJson(res, status, body, headers);
      else sendJsonSlowly(res, status, body, slowMs, headers);
    },
    sendFaulty(res, fault, status, body) {
      const signature = sign(status, body);
      if (fault === 'unsigned') return sendJson(res, status, body);
      if (fault === 'tamper-body') return sendJson(res, status, flipOneBit(body), signature);
      const earlier = route === null ? undefined : lastByRoute.get(route);
      if (earlier === undefined) return sendJson(res, status, body);
      sendJson(res, earlier.status, earlier.body, earlier.headers);
    },
  };
}
