// Fault injection: the network and gateway failures a POS must survive, on demand. A rule names a route (or
// all routes), a kind and how many times it fires. Latency rules add delay and let the request go on; of the
// other kinds the first matching rule decides the request's fate.
import { z } from 'zod';
import { ROUTES } from '../protocol/schemas';
import type { RouteName } from './router';

export const FAULT_KINDS = [
  'latency', // wait `ms`, then handle normally
  'status', // answer `status` (5xx) without executing
  'reset-before-commit', // destroy the socket before anything is executed
  'reset-after-commit', // execute and commit, then destroy the socket without answering
  'slow-body', // execute, send headers, drip the body over `ms`
  'drop-response', // execute and commit, then never answer (socket left open)
  'tamper-body', // execute and commit, then flip one bit of the signed body's last digit (still valid JSON)
  'unsigned', // execute and commit, then answer without x-response-signature
  'replay-answer', // execute and commit, then answer with this route's previous answer, its signature and all
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const routeNames = Object.keys(ROUTES) as [RouteName, ...RouteName[]];

export const FaultRuleSchema = z.strictObject({
  route: z.enum(routeNames).optional(),
  kind: z.enum(FAULT_KINDS),
  ms: z.int().min(0).max(600_000).optional(),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  /** how many requests it affects; absent = until cleared */
  times: z.int().min(1).optional(),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;
export const FaultRulesSchema = z.strictObject({ rules: z.array(FaultRuleSchema).max(100) });

export interface FaultPlan {
  readonly latencyMs: number;
  /** the non-latency fault for this request, if any */
  readonly fault: Exclude<FaultKind, 'latency'> | null;
  readonly ms: number;
  readonly status: number;
}

export class FaultTable {
  private rules: { rule: FaultRule; left: number }[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, left: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /** Consumes one use of every rule that fires for this request. */
  planFor(route: RouteName): FaultPlan {
    let latencyMs = 0;
    let chosen: FaultRule | null = null;
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.left <= 0 || (rule.route !== undefined && rule.route !== route)) continue;
      if (rule.kind === 'latency') latencyMs += rule.ms ?? 0;
      else if (chosen === null) chosen = rule;
      else continue;
      entry.left--;
    }
    this.rules = this.rules.filter((r) => r.left > 0);
    return {
      latencyMs,
      fault: chosen === null || chosen.kind === 'latency' ? null : chosen.kind,
      ms: chosen?.ms ?? 0,
      status: chosen?.status ?? 503,
    };
  }
}
