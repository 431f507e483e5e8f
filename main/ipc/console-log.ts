// The default Logger when a shell gives none (tests, tools): one JSON line per entry on stdout (errors on
// stderr), redacted like the log file (native/log/redact.ts).
import type { Logger } from '../../native/log/logger';
import { redactEntry } from '../../native/log/redact';

export const consoleLog: Logger = (level, message, fields) => {
  const safe = redactEntry(message, fields);
  const line = JSON.stringify({ t: new Date().toISOString(), level, message: safe.message, ...safe.fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};
