// The default Logger: one JSON line per entry on stdout (errors on stderr), for the shell's log to keep.
import type { Logger } from '../../native/log/logger';

export const consoleLog: Logger = (level, message, fields) => {
  const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};
