// Where the store lives in the data folder. Its own module so that code which only needs the names (the
// config loader's "is this a first start?") does not load SQLite.
export const STORE_FILE = 'pos.sqlite';
export const BACKUP_DIR = 'backups';
