// One running app for a shell, restartable from inside: a settings change or leaving training asks for a
// restart (HostOptions.requestRestart), and the runner closes the host (each capability finishing its step)
// and starts a new one on the same data folder, which reads the new settings. Meanwhile the state is
// `starting`, which the shells already show (the web host's self-reloading progress page).
import type { Host, HostOptions, StartupFailure } from '../host-types';
import type { StartupProgress } from './progress';
import { startApp } from './start-app';

export type AppState =
  | { readonly starting: StartupProgress | null }
  | { readonly host: Host }
  | { readonly failure: StartupFailure };

export interface AppRunner {
  state(): AppState;
  /** The first start; resolves with its outcome. */
  start(): Promise<AppState>;
  /** Closes the running host and starts again; a restart asked for while one runs is the same restart. */
  restart(): Promise<AppState>;
  close(): Promise<void>;
}

export function createAppRunner(
  options: Omit<HostOptions, 'requestRestart'>,
  onChange: (state: AppState) => void = () => undefined,
): AppRunner {
  let state: AppState = { starting: null };
  let restarting: Promise<AppState> | null = null;
  const set = (next: AppState): AppState => {
    state = next;
    onChange(next);
    return next;
  };
  const start = async (): Promise<AppState> =>
    set(
      await startApp({
        ...options,
        onStartupProgress: (p) => {
          set({ starting: p });
          options.onStartupProgress?.(p);
        },
        requestRestart: () => void runner.restart(),
      }),
    );
  const runner: AppRunner = {
    state: () => state,
    start,
    restart() {
      restarting ??= (async () => {
        const running = state;
        set({ starting: null });
        if ('host' in running) await running.host.close();
        return start();
      })().finally(() => {
        restarting = null;
      });
      return restarting;
    },
    async close() {
      await restarting;
      if ('host' in state) await state.host.close();
    },
  };
  return runner;
}
