// The one temp-folder and in-process host helper: a real createHost() on its own data folder, closed and
// removed by `cleanup()` (call it from afterEach/afterAll).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost, type PrintingOptions } from '../../main/host';
import type { Host, HostOptions } from '../../main/host-types';

const dirs: string[] = [];
const hosts: Host[] = [];

/** A fresh folder under the OS temp folder, removed by cleanup(). */
export function tempDir(prefix = 'pos-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export type TestHostOptions = Partial<HostOptions> & PrintingOptions;

/** The real service graph on a temp folder (or `dataDir`), silent unless `log` is given. */
export async function startHost(options: TestHostOptions = {}): Promise<Host & { readonly dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir();
  const host = await createHost({ log: () => undefined, ...options, dataDir });
  hosts.push(host);
  return {
    dispatch: host.dispatch,
    dispatchUntyped: host.dispatchUntyped,
    subscribe: host.subscribe,
    close: host.close,
    dataDir,
  };
}

/** Closes every host started here, then removes every temp folder. */
export async function cleanup(): Promise<void> {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
