// Starting the service graph, for any shell: either a running Host or a StartupFailure to show.
// The failure path never touches the data files.
import { createHost } from '../host';
import type { Host, HostOptions, StartupFailure } from '../host-types';
import { toStartupFailure } from './failure-page';

export async function startApp(options: HostOptions): Promise<{ host: Host } | { failure: StartupFailure }> {
  try {
    return { host: await createHost(options) };
  } catch (e) {
    return { failure: toStartupFailure(e) };
  }
}
