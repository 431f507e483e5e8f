import { describe, expect, it, vi } from 'vitest';
import { handleSquirrelEvent, type SquirrelContext } from '../../main/electron/squirrel';

const EXE = 'C:\\Users\\till\\AppData\\Local\\counterpos\\app-0.1.0\\counterpos.exe';
const UPDATE = 'C:\\Users\\till\\AppData\\Local\\counterpos\\Update.exe';

function ctx(argv: string[], platform = 'win32') {
  const closers: (() => void)[] = [];
  const spawn = vi.fn((_cmd: string, _args: string[], _opts: { detached: boolean }) => ({
    on: (event: 'close' | 'error', listener: () => void) => {
      if (event === 'close') closers.push(listener);
    },
  }));
  const quit = vi.fn();
  const c: SquirrelContext = { platform, argv, execPath: EXE, spawn, quit };
  return { c, spawn, quit, finish: () => closers.forEach((f) => f()) };
}

describe('Squirrel.Windows installer events', () => {
  it('creates shortcuts on install and update, then quits', () => {
    for (const flag of ['--squirrel-install', '--squirrel-updated']) {
      const t = ctx([EXE, flag]);
      expect(handleSquirrelEvent(t.c)).toBe(true);
      expect(t.spawn).toHaveBeenCalledWith(UPDATE, ['--createShortcut=counterpos.exe'], { detached: true });
      expect(t.quit).not.toHaveBeenCalled();
      t.finish();
      expect(t.quit).toHaveBeenCalledOnce();
    }
  });

  it('removes shortcuts on uninstall (and nothing else), quits when obsolete', () => {
    const un = ctx([EXE, '--squirrel-uninstall']);
    expect(handleSquirrelEvent(un.c)).toBe(true);
    expect(un.spawn).toHaveBeenCalledWith(UPDATE, ['--removeShortcut=counterpos.exe'], { detached: true });

    const old = ctx([EXE, '--squirrel-obsolete']);
    expect(handleSquirrelEvent(old.c)).toBe(true);
    expect(old.spawn).not.toHaveBeenCalled();
    expect(old.quit).toHaveBeenCalledOnce();
  });

  it('is a normal start otherwise, and on every other platform', () => {
    expect(handleSquirrelEvent(ctx([EXE]).c)).toBe(false);
    expect(handleSquirrelEvent(ctx([EXE, '--kiosk']).c)).toBe(false);
    expect(handleSquirrelEvent(ctx(['/usr/bin/counterpos', '--squirrel-install'], 'linux').c)).toBe(false);
  });
});
