// Starting the service graph, for any shell: either a running Host or a StartupFailure to show.
// The failure path never touches the data files (beyond making them owner-only: main/store/file-modes.ts).
import path from 'node:path';
import { CONFIG_FILE } from '../config/config';
import { PREVIOUS_CONFIG_FILE } from '../config/config-store';
import { createHost } from '../host';
import type { Host, HostOptions, StartupFailure } from '../host-types';
import { mapSqliteError } from '../store/errors';
import { makePrivateDir, makePrivateFiles } from '../store/file-modes';
import { STORE_FILE } from '../store/files';
import { toStartupFailure } from './failure-page';

export async function startApp(options: HostOptions): Promise<{ host: Host } | { failure: StartupFailure }> {
  try {
    // Owner-only before anything is written into it; a settings file an older version left readable too.
    makePrivateDir(options.dataDir);
    makePrivateFiles(...[CONFIG_FILE, PREVIOUS_CONFIG_FILE].map((f) => path.join(options.dataDir, f)));
    return { host: await createHost(options) };
  } catch (e) {
    return { failure: startupFailureOf(e, options.dataDir) };
  }
}

/**
 * Open reads only the schema and each table's root path (main/store/db.ts), so a damaged page can first be met
 * by a query while the host is built: that is STORAGE_CORRUPT naming the store, like a damaged file at open.
 */
export function startupFailureOf(e: unknown, dataDir: string): StartupFailure {
  return toStartupFailure(mapSqliteError(e, { file: path.join(dataDir, STORE_FILE) }) ?? e);
}
