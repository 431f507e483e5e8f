// The staff capability in a real host: the staff.* channels over dispatch, and the pepper kept outside the
// database: a copy of pos.sqlite without its key cannot verify any PIN, a key others may read stops the start.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import { createStaff } from '../../../main/staff/staff-runtime';
import { openDatabase } from '../../../main/store/db';
import { tempDir } from '../store/fixtures';

const OWNER = { code: '1', name: '老板', role: 'owner', pin: '730295' } as const;
const asOwner = { operatorCode: '1', pin: OWNER.pin };

async function liveHost(dataDir: string): Promise<Host> {
  return createHost({ dataDir, trainingMode: false, log: () => undefined });
}

describe('staff runtime', () => {
  it('answers the staff.* channels; a copied database without the key verifies no PIN', async () => {
    const dataDir = tempDir();
    const host = await liveHost(dataDir);
    try {
      // The owner on file, as `npm run staff add` puts them there (the first owner comes from set-up or the CLI).
      const db = openDatabase(path.join(dataDir, 'pos.sqlite'));
      const staff = createStaff({
        db,
        config: { trainingMode: false },
        now: () => new Date(),
        newId: () => 'o1',
        dataDir,
      });
      staff.directory.addFromCommandLine(OWNER);
      db.close();
      const added = await host.dispatch('staff.add', {
        code: '01',
        name: '王店长',
        role: 'manager',
        pin: '482157',
        approval: asOwner,
      });
      expect(added.ok && added.value.operators.map((o) => o.code)).toEqual(['01', '1']);
      expect(JSON.stringify(added)).not.toContain('482157');
      const drawer = await host.dispatch('drawer.open', {
        reason: 'float',
        approval: { operatorCode: '01', pin: '482157' },
      });
      expect(drawer.ok).toBe(true);
    } finally {
      await host.close();
    }
    const copy = tempDir();
    fs.copyFileSync(path.join(dataDir, 'pos.sqlite'), path.join(copy, 'pos.sqlite'));
    fs.copyFileSync(path.join(dataDir, 'config.json'), path.join(copy, 'config.json'));
    const stolen = await liveHost(copy);
    try {
      const r = await stolen.dispatch('staff.list', { approval: asOwner });
      expect(r.ok ? 'approved' : r.error.code).toBe('APPROVAL_DENIED');
    } finally {
      await stolen.close();
    }
  });

  it('refuses to start with a PIN key file others may read', async () => {
    const dataDir = tempDir();
    await (await liveHost(dataDir)).close();
    fs.chmodSync(path.join(dataDir, 'keys', 'pin-pepper.key'), 0o644);
    await expect(liveHost(dataDir)).rejects.toThrow(/may be read by other users/);
  });
});
