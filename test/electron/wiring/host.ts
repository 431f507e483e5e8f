// Stand-in for main/host.ts, aliased in by main-wiring.test.ts; delegates to the test's fake on globalThis.
import type { Host, HostOptions } from '../../../main/host-types';

export const createHost = (options: HostOptions): Promise<Host> =>
  (
    globalThis as unknown as { __fakeHost: { createHost(o: HostOptions): Promise<Host> } }
  ).__fakeHost.createHost(options);
