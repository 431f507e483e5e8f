// The idle lock's minutes come from config.json `signIn.idleLockMinutes` (0: never; absent: 5) and reach the
// renderer in app.bootstrap, whose idle timer asks main to lock (session.lock).
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../main/api/contract';
import { DEFAULT_CONFIG } from '../../../main/config/config';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockMinutes } from '../../../main/staff/idle-lock';
import { liveShopWithDemoGoods } from '../../support/live-store';
import { cleanup, startHost, tempDir } from '../../support/temp-host';

afterEach(cleanup);

async function bootMinutes(signIn?: { idleLockMinutes?: number }): Promise<number> {
  const dataDir = tempDir();
  await liveShopWithDemoGoods(dataDir, signIn ? { signIn } : {});
  const h = await startHost({ dataDir });
  const boot = await h.dispatch('app.bootstrap', {});
  if (!boot.ok) throw new Error(boot.error.message);
  return boot.value.idleLockMinutes;
}

describe('idle lock minutes', () => {
  it('reach the renderer from config.json: 5 when absent, as configured otherwise, 0 for never', async () => {
    expect(DEFAULT_IDLE_LOCK_MINUTES).toBe(5);
    expect(await bootMinutes()).toBe(5);
    expect(await bootMinutes({ idleLockMinutes: 1 })).toBe(1);
    expect(idleLockMinutes({ signIn: { idleLockMinutes: 0 } })).toBe(0);
    expect(idleLockMinutes({ signIn: {} })).toBe(5);
  });

  it('are whole minutes from 0 to 240 in the settings', () => {
    const doc = (m: number) => ({ ...DEFAULT_CONFIG, signIn: { idleLockMinutes: m } });
    expect(SettingsSchema.safeParse(doc(15)).success).toBe(true);
    expect(SettingsSchema.safeParse(doc(0.5)).success).toBe(false);
    expect(SettingsSchema.safeParse(doc(-1)).success).toBe(false);
    expect(SettingsSchema.safeParse(doc(241)).success).toBe(false);
  });
});
