// The single entry point for calls from any UI transport (Electron IPC, the web host's WebSocket).
// The transport checks WHO is calling; this checks WHAT: the channel exists and the payload matches the
// contract's schema, before any service code runs. It never throws: every outcome is a typed Result.
import type { Logger } from '../../native/log/logger';
import {
  contract,
  type Channel,
  type Dispatch,
  type Input,
  type Output,
  type WireDispatch,
} from '../api/contract';
import { err, ok, PosFailure, type Result } from '../api/result';
import { mapSqliteError } from '../store/errors';

export type Handlers = { readonly [C in Channel]: (input: Input<C>) => Output<C> | Promise<Output<C>> };

export type { Dispatch, WireDispatch };

/**
 * The same dispatcher seen through the contract's types. Sound because the dispatcher answers `channel` only
 * with what `handlers[channel]` returned (typed Output<C> by `Handlers`), or with an error.
 */
export const typedDispatch = (dispatch: WireDispatch): Dispatch => dispatch as Dispatch;

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

export function createDispatcher(handlers: Handlers, log: Logger): WireDispatch {
  return async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return err('UNKNOWN_CHANNEL', `No such channel: ${String(channel).slice(0, 64)}`);
    }
    const parsed = contract[channel].safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 10)
        .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      // The payload itself is not logged: it could hold anything a compromised page sends.
      log('warn', 'rejected payload', { channel, issues });
      return err('INVALID_PAYLOAD', `Invalid payload for ${channel}`, { channel, issues });
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (e) {
      return toErrorResult(e, channel, log);
    }
  };
}

export function toErrorResult(e: unknown, channel: string, log: Logger): Result<never> {
  if (e instanceof PosFailure) return err(e.code, e.message, e.detail);
  const storage = mapSqliteError(e);
  if (storage) {
    log('error', 'storage error', { channel, code: storage.code, message: storage.message });
    return err(storage.code, storage.message, storage.detail);
  }
  log('error', 'unexpected error', { channel, message: e instanceof Error ? e.message : String(e) });
  return err('INTERNAL', 'Unexpected error; see the log');
}
