// The host's handler table, joined from the slices each capability exports (main/<capability>/handlers.ts).
// The join is checked when compiling: a contract channel that no slice handles, or that two slices handle, or
// a name that is no channel, makes the call to joinHandlers a type error naming the channels (see
// test/main/ipc/join-handlers.test-d.ts). At start-up the same rule is checked once more, for a slice whose
// object holds more than its declared type says.
import type { Handlers } from './dispatcher';

type Slice = Partial<Handlers>;
type Channels = keyof Handlers;

/** Every key any slice declares. */
type Declared<S extends readonly Slice[]> = S[number] extends infer U
  ? U extends Slice
    ? keyof U
    : never
  : never;

/** Keys declared by more than one slice, walking the tuple left to right. */
type Duplicated<S extends readonly Slice[], Seen = never> = S extends readonly [
  infer H extends Slice,
  ...infer R extends readonly Slice[],
]
  ? (keyof H & Seen) | Duplicated<R, Seen | keyof H>
  : never;

/** Empty when the slices cover every channel exactly once; otherwise one argument naming what is wrong. */
export type JoinCheck<S extends readonly Slice[]> = [Exclude<Channels, Declared<S>>] extends [never]
  ? [Duplicated<S>] extends [never]
    ? [Exclude<Declared<S>, Channels>] extends [never]
      ? []
      : [error: { notAChannel: Exclude<Declared<S>, Channels> }]
    : [error: { handledTwice: Duplicated<S> }]
  : [error: { noHandler: Exclude<Channels, Declared<S>> }];

export function joinHandlers<const S extends readonly Slice[]>(
  slices: readonly [...S],
  ..._exactlyOnce: JoinCheck<S>
): Handlers {
  const joined: Record<string, unknown> = {};
  for (const slice of slices) {
    for (const [channel, handler] of Object.entries(slice)) {
      if (Object.hasOwn(joined, channel)) throw new Error(`two handlers for ${channel}`);
      joined[channel] = handler;
    }
  }
  // Checked above: the slices' declared keys are exactly the channels, each once.
  return joined as Handlers;
}
