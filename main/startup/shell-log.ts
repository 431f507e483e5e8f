// The log of a shell process (the Electron app, the web host): the rotating file in the data folder
// (main/ipc/file-log.ts), and what nobody caught written there too. An uncaught exception leaves the process
// in an unknown state: it is logged, the file flushed, and the process exits non-zero (the shell's supervisor,
// or the cashier, starts it again; every sale is committed or not, never half). An unhandled promise rejection
// is logged and the till goes on: it ended one piece of work, not the process.
import type { Logger } from '../host-types';
import { openFileLog, type FileLog } from '../ipc/file-log';

/** The part of `process` crash logging uses (tests pass a fake). */
export interface CrashProcess {
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  exit(code: number): void;
}

export const CRASH_EXIT_CODE = 1;

/** Logs uncaught exceptions (then flushes and exits) and unhandled rejections; returns the uninstaller. */
export function installCrashLogging(proc: CrashProcess, log: Logger, flushSync: () => void): () => void {
  const onException = (error: Error, origin: string): void => {
    try {
      log('error', 'uncaught exception: exiting', { origin, error });
      flushSync();
    } finally {
      proc.exit(CRASH_EXIT_CODE);
    }
  };
  const onRejection = (reason: unknown): void => {
    log('error', 'unhandled promise rejection', { reason });
  };
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

export interface ShellLog extends FileLog {
  /** Removes the crash handlers and closes the file. */
  dispose(): Promise<void>;
}

/** Opens the shell's log file in `<dataDir>/logs` and logs what nobody caught into it. */
export async function openShellLog(o: {
  readonly dataDir: string;
  readonly shell: 'electron' | 'web';
  readonly stdout?: boolean;
  readonly proc?: CrashProcess;
}): Promise<ShellLog> {
  const file = await openFileLog({ dataDir: o.dataDir, shell: o.shell, stdout: o.stdout ?? false });
  const uninstall = installCrashLogging(o.proc ?? process, file.log, () => file.flushSync());
  return {
    ...file,
    async dispose() {
      uninstall();
      await file.close();
    },
  };
}
