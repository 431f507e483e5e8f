// Where the store lives in the data folder. Its own module so that code which only needs the names (the
// config loader's "is this a first start?") does not load SQLite.
import path from 'node:path';

export const STORE_FILE = 'pos.sqlite';
export const BACKUP_DIR = 'backups';
/** The rotating log files (main/ipc/file-log.ts). */
export const LOG_DIR = 'logs';

/** The folder the log files of the till on `dataDir` are written to; the settings screen shows it. */
export const logDir = (dataDir: string): string => path.join(dataDir, LOG_DIR);
