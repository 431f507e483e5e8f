// How a capability declares its part of the contract: each channel's input schema beside its answer type, and
// each event beside its payload type. The types ride on a marker that holds nothing at run time.
import type { z } from 'zod';

declare const carried: unique symbol;
/** A type carried by the contract's declarations only (a channel's answer, an event's payload). */
export interface Carries<T> {
  readonly [carried]?: T;
}
const marker = <T>(): Carries<T> => Object.freeze({});
/** A channel's answer type: `{ input: z.strictObject(...), output: returns<CartView>() }`. */
export const returns = marker;
/** An event's payload type: `{ cart: carries<CartView>() }`. */
export const carries = marker;

export type CarriedBy<M> = M extends Carries<infer T> ? T : never;

export interface ChannelDef {
  readonly input: z.ZodType;
  readonly output: Carries<unknown>;
}
export type ChannelDefs = Readonly<Record<string, ChannelDef>>;
export type EventDefs = Readonly<Record<string, Carries<unknown>>>;

/** The input schemas of `defs`, keyed by channel: what the dispatcher validates against. */
export function inputsOf<D extends ChannelDefs>(defs: D): { readonly [C in keyof D]: D[C]['input'] } {
  const inputs = Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, def.input]));
  // fromEntries forgets the keys; they are exactly those of `defs`, each mapped to its own input.
  return Object.freeze(inputs) as { readonly [C in keyof D]: D[C]['input'] };
}

/** Names declared twice across capabilities would silently shadow each other in a spread: refuse at load. */
export function assertDisjoint(groups: readonly object[]): void {
  const seen = new Set<string>();
  for (const name of groups.flatMap((g) => Object.keys(g))) {
    if (seen.has(name)) throw new Error(`contract: "${name}" is declared twice`);
    seen.add(name);
  }
}

/** Object.keys with the keys' own type (the objects here are frozen literals: no extra keys at run time). */
export const keysOf = <T extends object>(o: T): readonly (keyof T & string)[] =>
  Object.freeze(Object.keys(o) as (keyof T & string)[]);
