// Squirrel.Windows runs the app with --squirrel-* flags while installing, updating and uninstalling. Those runs
// must only create/remove the shortcuts and quit — never open the database or show a window.
// (The same job as the electron-squirrel-startup package, which is not a dependency here.)
import path from 'node:path';

export interface SpawnedLike {
  on(event: 'close' | 'error', listener: () => void): unknown;
}

export interface SquirrelContext {
  readonly platform: string;
  readonly argv: readonly string[];
  readonly execPath: string;
  readonly spawn: (command: string, args: string[], options: { detached: boolean }) => SpawnedLike;
  readonly quit: () => void;
}

/** True when this run is a Squirrel installer event (it is handled here; the caller must start nothing). */
export function handleSquirrelEvent(ctx: SquirrelContext): boolean {
  if (ctx.platform !== 'win32') return false;
  const command = ctx.argv[1];
  const exe = path.win32.basename(ctx.execPath);
  const update = path.win32.resolve(path.win32.dirname(ctx.execPath), '..', 'Update.exe');
  const runUpdate = (arg: string): void => {
    try {
      const child = ctx.spawn(update, [arg], { detached: true });
      child.on('close', ctx.quit);
      child.on('error', ctx.quit);
    } catch {
      ctx.quit();
    }
  };
  switch (command) {
    case '--squirrel-install':
    case '--squirrel-updated':
      runUpdate(`--createShortcut=${exe}`);
      return true;
    case '--squirrel-uninstall':
      // Removes shortcuts only. The data folder (userData) is left alone: uninstalling never deletes sales.
      runUpdate(`--removeShortcut=${exe}`);
      return true;
    case '--squirrel-obsolete':
      ctx.quit();
      return true;
    default:
      return false;
  }
}
