// The admin endpoint: fault injection, counts, differences on demand (differences.ts) and the wallets' bill
// files (bill-file.ts). It is not part of the terminal protocol and is not
// signed with terminal credentials: it needs `x-admin-token`, and without a configured token it does not
// exist at all (404), so a sandbox left running cannot be steered by whoever reaches its port.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { billFile, BillRequestSchema, type BillFile } from './bill-file';
import type { GatewayConfig } from './context';
import { applyDifference, DifferenceSchema } from './differences';
import { GatewayFailure } from './errors';
import { FaultRulesSchema, type FaultTable } from './faults';
import { validate } from './handler-kit';
import type { Ledger } from './ledger';

export interface AdminDeps {
  readonly token: string | undefined;
  readonly faults: FaultTable;
  readonly ledger: Ledger;
  readonly config: GatewayConfig;
  readonly now: () => Date;
  readonly stats: () => Record<string, unknown>;
}

/** An admin answer that is a file rather than JSON (the bills). */
export class AdminFile {
  constructor(readonly file: BillFile) {}
}

const BILLS = /^\/admin\/bills\/([^/]+)$/;

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns the JSON answer (or an AdminFile) for an /admin request, or throws GatewayFailure. */
export function handleAdmin(deps: AdminDeps, req: IncomingMessage, url: URL, body: Buffer): unknown {
  if (deps.token === undefined) throw new GatewayFailure('not_found', 'no such route');
  if (!tokenMatches(req.headers['x-admin-token'], deps.token)) {
    throw new GatewayFailure('unauthenticated', 'x-admin-token missing or wrong');
  }
  const route = `${req.method ?? ''} ${url.pathname}`;
  const bill = BILLS.exec(url.pathname);
  if (bill && req.method === 'GET') {
    const q = validate(
      BillRequestSchema,
      { businessDate: bill[1], format: url.searchParams.get('format') ?? undefined },
      'the bill request',
    );
    const { currency, businessTimeZone: timeZone } = deps.config;
    return new AdminFile(billFile({ ledger: deps.ledger, ...q, currency, timeZone, now: deps.now() }));
  }
  switch (route) {
    case 'POST /admin/differences': {
      const d = validate(DifferenceSchema, parseJson(body), 'the difference');
      return applyDifference(deps.ledger, deps.config, deps.now(), d);
    }
    case 'POST /admin/faults': {
      const parsed = validate(FaultRulesSchema, parseJson(body), 'the fault rules');
      deps.faults.set(parsed.rules);
      return { rules: deps.faults.list() };
    }
    case 'DELETE /admin/faults':
      deps.faults.clear();
      return { rules: [] };
    case 'GET /admin/faults':
      return { rules: deps.faults.list() };
    case 'GET /admin/stats':
      return deps.stats();
    default:
      throw new GatewayFailure('not_found', `no admin route ${route}`);
  }
}

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new GatewayFailure('invalid_request', 'the body is not valid JSON');
  }
}
