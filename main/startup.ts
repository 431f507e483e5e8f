// Starting the service graph, for any shell: either a running Host or a StartupFailure to show.
// The failure path never touches the data files.
import { PosFailure } from './api/result';
import { createHost } from './host';
import type { Host, HostOptions, StartupFailure } from './host-types';

const STARTUP_CODES: ReadonlySet<string> = new Set([
  'STORAGE_BUSY',
  'STORAGE_CORRUPT',
  'STORAGE_TOO_NEW',
  'CONFIG_CORRUPT',
  'STORAGE_FULL',
]);

export async function startApp(options: HostOptions): Promise<{ host: Host } | { failure: StartupFailure }> {
  try {
    return { host: await createHost(options) };
  } catch (e) {
    const file = e instanceof PosFailure && typeof e.detail?.file === 'string' ? e.detail.file : null;
    if (e instanceof PosFailure && STARTUP_CODES.has(e.code)) {
      return { failure: { code: e.code as StartupFailure['code'], message: e.message, file } };
    }
    return { failure: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), file } };
  }
}
