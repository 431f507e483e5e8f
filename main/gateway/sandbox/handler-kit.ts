// How a route handler is declared: its body schema (checked before any transaction, so a malformed request
// is refused without an idempotency record) and a synchronous function run inside the request's transaction.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { GatewayFailure } from './errors';
import type { HandlerContext, HandlerResult } from './context';

export interface PreparedRequest {
  execute(ctx: HandlerContext): HandlerResult;
}

/** Validates the raw body and parameters; throws invalid_request. */
export type RouteHandler = (raw: unknown, params: Readonly<Record<string, string>>) => PreparedRequest;

export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  throw new GatewayFailure('invalid_request', `${what} is invalid: ${issues}`);
}

export function handler<B extends z.ZodType, P extends z.ZodType>(
  bodySchema: B,
  paramsSchema: P,
  run: (ctx: HandlerContext, body: z.output<B>, params: z.output<P>) => HandlerResult,
): RouteHandler {
  return (raw, rawParams) => {
    const params = validate(paramsSchema, rawParams, 'the path or query');
    const body = validate(bodySchema, raw, 'the request body');
    return { execute: (ctx) => run(ctx, body, params) };
  };
}

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });

export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;

export function requireCurrency(ctx: HandlerContext, currency: string): void {
  if (currency !== ctx.config.currency) {
    throw new GatewayFailure(
      'invalid_request',
      `this sandbox merchant account settles in ${ctx.config.currency}, not ${currency}`,
    );
  }
}

export function referenceTaken(kind: string, reference: string, id: string): GatewayFailure {
  return new GatewayFailure(
    'idempotency_conflict',
    `reference ${reference} is already used by ${kind} ${id} (a retry must reuse its Idempotency-Key)`,
  );
}
