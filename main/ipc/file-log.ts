// The log file: structured JSON lines (pino) in `<dataDir>/logs/`, rotated by size (pino-roll: 5 MB a file,
// the newest 10 kept), behind the one Logger type so every module keeps calling `log`. Redacted at this sink
// (native/log/redact.ts): no card number, track, PIN, secret or token is written, whoever passed it. No worker
// thread (pino transports need one): the stream is written from this thread, in Electron's main process and
// under plain Node alike. An installed app has no console, so this file is where "see the log" points.
import pino, { type DestinationStream } from 'pino';
import pinoRoll from 'pino-roll';
import type { Logger } from '../../native/log/logger';
import { redactEntry } from '../../native/log/redact';
import {
  makeFolderFilesPrivate,
  makePrivateDir,
  makePrivateFiles,
  PRIVATE_FILE_MODE,
} from '../store/file-modes';
import { logDir } from '../store/files';

export const LOG_FILE_BYTES = 5 * 1024 * 1024;
export const LOG_FILES = 10;
/** counterpos.1.log, counterpos.2.log, … (the highest number is the newest). */
export const LOG_BASE_NAME = 'counterpos';

export interface FileLogOptions {
  readonly dataDir: string;
  /** `npm run web`: every line on stdout too. */
  readonly stdout?: boolean;
  /** Which shell writes (`electron`, `web`), on every line. */
  readonly shell: string;
  /** Tests: smaller files. */
  readonly maxBytes?: number;
  readonly maxFiles?: number;
}

export interface FileLog {
  readonly log: Logger;
  readonly dir: string;
  /** Writes what is buffered now (before the process exits on a crash). */
  flushSync(): void;
  close(): Promise<void>;
}

export async function openFileLog(o: FileLogOptions): Promise<FileLog> {
  const dir = logDir(o.dataDir);
  makePrivateDir(dir);
  const file = await pinoRoll({
    file: `${dir}/${LOG_BASE_NAME}`,
    extension: '.log',
    size: `${o.maxBytes ?? LOG_FILE_BYTES}b`, // a bare number would be megabytes
    limit: { count: o.maxFiles ?? LOG_FILES, removeOtherLogFiles: true },
    mode: PRIVATE_FILE_MODE,
  });
  // Created 0600 (the umask can only take bits away) and chmod-ed once open, each new file at each roll;
  // the files of an older run are made so too.
  file.on('ready', () => makePrivateFiles(file.file));
  makeFolderFilesPrivate(dir);
  const streams: { stream: DestinationStream }[] = [{ stream: file }];
  if (o.stdout === true) streams.push({ stream: pino.destination(1) });
  const logger = pino(
    {
      base: { pid: process.pid, shell: o.shell },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams),
  );
  const log: Logger = (level, message, fields) => {
    const safe = redactEntry(message, fields);
    logger[level](safe.fields, safe.message);
  };
  return {
    log,
    dir,
    flushSync() {
      try {
        file.flushSync();
      } catch {
        // not open yet or already closed: nothing buffered that could still be written
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (file.destroyed) return resolve();
        file.once('close', () => resolve());
        file.end();
      }),
  };
}
