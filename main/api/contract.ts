// THE renderer <-> main contract. Each capability declares its channels (input schema beside answer type) and
// its events in main/api/contract/<capability>.ts; this file merges them and derives everything else:
// - main validates every payload against `contract[channel]` (see main/ipc/dispatcher.ts);
// - the Electron preload and the web bridge build `window.pos` from `channelNames` and `eventNames`;
// - the renderer's `PosApi`, the host's typed `dispatch` and the handler signatures are computed from it.
// Adding a channel = one entry in its capability's file; the compiler flags every missing handler.
import type { z } from 'zod';
import type { Result } from './result';
import { assertDisjoint, inputsOf, keysOf, type CarriedBy } from './contract/define';
import { appChannels, appEvents } from './contract/app';
import { catalogChannels, catalogEvents } from './contract/catalog';
import { cartChannels, saleChannels, saleEvents } from './contract/sale';
import { paymentChannels, paymentEvents } from './contract/payments';
import { refundChannels } from './contract/refunds';
import { printingChannels } from './contract/printing';
import { storeChannels } from './contract/store';
import { staffChannels } from './contract/staff';
import { sessionChannels } from './contract/session';
import { deviceChannels } from './contract/devices';
import { setupChannels } from './contract/setup';
import { shiftChannels } from './contract/shifts';
import { reportChannels } from './contract/reports';
import { journalChannels, journalEvents } from './contract/journal';
import { reconciliationChannels } from './contract/reconciliation';

export type * from './contract/shared';
export { ApprovalSchema, DiscountSchema, LocaleSchema } from './contract/shared';
export type * from './contract/app';
export type * from './contract/catalog';
export type * from './contract/sale';
export type * from './contract/printing';
export type * from './contract/store';
export type * from './contract/payments';
export type * from './contract/refunds';
export type * from './contract/staff';
export type * from './contract/session';
export type * from './contract/devices';
export type * from './contract/setup';
export type * from './contract/shifts';
export type * from './contract/settings';
export type * from './contract/reports';
export type * from './contract/journal';
export type * from './contract/reconciliation';
export { SettingsSchema, GatewaySettingsSchema, SETTINGS_KEYS } from './contract/settings';
export { PAYMENT_STATES } from './contract/payments';
export { REFUND_REASONS } from './contract/refunds';
export { CASH_MOVEMENT_KINDS, DEFAULT_DRAWER, SHIFT_STATES } from './contract/shifts';
export { EXPORT_FORMATS, REPORT_KINDS } from './contract/reports';
export { JOURNAL_BREAK_CAUSES } from './contract/journal';
export { STAFF_ROLES, pinMinLength } from './contract/staff';
export {
  CardReaderConfigSchema,
  DrawerPulseSchema,
  PAPER_WIDTHS_MM,
  PRINT_MODES,
  PrinterConnectionSchema,
  PrinterSettingsSchema,
} from './contract/devices';
export { IMPORT_ENCODINGS, MAX_IMPORT_BYTES } from './contract/catalog';

// ---------- channels ----------

const groups = [
  appChannels,
  catalogChannels,
  cartChannels,
  saleChannels,
  paymentChannels,
  refundChannels,
  printingChannels,
  storeChannels,
  staffChannels,
  sessionChannels,
  deviceChannels,
  setupChannels,
  shiftChannels,
  reportChannels,
  journalChannels,
  reconciliationChannels,
] as const;
assertDisjoint(groups);
const channels = {
  ...appChannels,
  ...catalogChannels,
  ...cartChannels,
  ...saleChannels,
  ...paymentChannels,
  ...refundChannels,
  ...printingChannels,
  ...storeChannels,
  ...staffChannels,
  ...sessionChannels,
  ...deviceChannels,
  ...setupChannels,
  ...shiftChannels,
  ...reportChannels,
  ...journalChannels,
  ...reconciliationChannels,
};
type Channels = typeof channels;

export type Channel = keyof Channels;
/** Each channel's input schema. */
export const contract = inputsOf(channels);
export const channelNames: readonly Channel[] = keysOf(channels);
export type Input<C extends Channel> = z.infer<Channels[C]['input']>;
export type Output<C extends Channel> = CarriedBy<Channels[C]['output']>;
export type Outputs = { readonly [C in Channel]: Output<C> };

/** A call in code (tests, tools, benchmarks): the input and the answer are typed per channel. */
export type Dispatch = <C extends Channel>(channel: C, input: Input<C>) => Promise<Result<Output<C>>>;
/** A transport's call: channel name and payload arrive unchecked (the web bridge, Electron IPC). */
export type WireDispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

// ---------- events pushed from main ----------

const events = { ...appEvents, ...catalogEvents, ...saleEvents, ...paymentEvents, ...journalEvents };
assertDisjoint([appEvents, catalogEvents, saleEvents, paymentEvents, journalEvents]);
export type Events = { readonly [E in keyof typeof events]: CarriedBy<(typeof events)[E]> };
export type EventName = keyof Events;
/** Derived from the declarations: an event emitted by main but not declared here does not compile. */
export const eventNames: readonly EventName[] = keysOf(events);

// ---------- the renderer-facing API, derived ----------

type Split<S extends string> = S extends `${infer G}.${infer V}` ? [G, V] : never;
type Groups = Split<Channel>[0];
type VerbsOf<G extends string> = Extract<Channel, `${G}.${string}`>;

/** `window.pos.cart.scan({ code })` -> Promise<Result<CartView>> */
export type PosApi = {
  readonly [G in Groups]: {
    readonly [C in VerbsOf<G> as Split<C>[1]]: (input: Input<C>) => Promise<Result<Output<C>>>;
  };
} & {
  /** Subscribe to a pushed event; returns an unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => () => void;
};

/** One transport-agnostic builder used by the Electron preload and the web bridge alike. */
export function buildPosApi(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): PosApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channelNames) {
    const [group, verb] = channel.split('.') as [string, string];
    (api[group] ??= {})[verb] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze({
    ...api,
    on: (event: EventName, listener: (payload: never) => void) =>
      subscribe(event, listener as (payload: unknown) => void),
  }) as unknown as PosApi;
}
