// The data folder of the web host and the command-line tools when no --data is given. (The desktop app
// uses Electron's userData folder + /data; see README "Where data lives".)
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? os.homedir(), 'CounterPOS', 'web-data');
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'CounterPOS', 'web-data');
  return path.join(
    process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'),
    'counterpos',
    'web-data',
  );
}
