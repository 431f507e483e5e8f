// `npm run staff -- add --code 01 --name 王店长 --role manager [--data DIR]` (the PIN is read from stdin, so it
// never shows in the shell history or the process list) and `npm run staff -- list [--data DIR]`. A fallback
// for a web-host data folder (the app's staff screen is the way); the PIN policy applies and adding an
// operator is journalled. The desktop app's PIN key is sealed by its OS key store, which this tool cannot
// open: it refuses such a folder (pepper.ts) rather than hash PINs with a different key.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PosFailure } from '../api/result';
import { runCli } from '../cli/args';
import { defaultDataDir } from '../config/data-dir';
import { openStore } from '../store/open-store';
import { createOperatorRepo } from './operator-repo';
import { ROLES, type Role } from './permissions';
import { createStaff } from './staff-runtime';

const USAGE = `usage:
  npm run staff -- add --code DIGITS --name NAME --role cashier|supervisor|manager|owner [--data DIR]   (PIN on stdin)
  npm run staff -- list [--data DIR]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (command !== 'add' && command !== 'list') {
    console.error(USAGE);
    return 2;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const { db } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
  try {
    const now = (): Date => new Date();
    if (command === 'list') {
      for (const op of createOperatorRepo(db, { now, newId: randomUUID }).list()) {
        const lock = op.lockedUntil ? ` (locked until ${op.lockedUntil})` : '';
        console.log(`${op.code}\t${op.role}\t${op.active ? 'active' : 'inactive'}\t${op.name}${lock}`);
      }
      return 0;
    }
    const role = values.role as Role | undefined;
    if (!values.code || !values.name || !role || !ROLES.includes(role)) {
      console.error(USAGE);
      return 2;
    }
    const pin = (await readStdin()).trim();
    const staff = createStaff({ db, config: { trainingMode: false }, now, newId: randomUUID, dataDir });
    staff.directory.addFromCommandLine({ code: values.code, name: values.name, role, pin });
    console.log(`Added ${role} ${values.code} (${values.name.trim()}) to ${dataDir}.`);
    return 0;
  } catch (e) {
    if (!(e instanceof PosFailure)) throw e;
    console.error(`staff: ${e.message}`);
    return 1;
  } finally {
    db.close();
  }
}

runCli(main);
