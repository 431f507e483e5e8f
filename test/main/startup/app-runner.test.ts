// The runner restarts the host in place when a settings change asks for it: the new host reads the new
// settings, the old one is closed (its database released), and restarts asked for together are one restart.
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { createAppRunner, type AppState } from '../../../main/startup/app-runner';
import { cleanup, tempDir } from '../../support/temp-host';

afterEach(cleanup);

const hostOf = (s: AppState) => {
  if (!('host' in s)) throw new Error(`no host: ${JSON.stringify(s)}`);
  return s.host;
};

describe('createAppRunner', () => {
  it('restarts onto the saved settings after setup.save asks for it', async () => {
    const seen: string[] = [];
    const runner = createAppRunner({ dataDir: tempDir(), log: () => undefined }, (s) =>
      seen.push(Object.keys(s)[0] ?? ''),
    );
    const first = hostOf(await runner.start());
    const view = await first.dispatch('setup.view', {});
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.restartsItself).toBe(true);
    const saved = await first.dispatch('setup.save', {
      approval: { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin },
      settings: { ...view.value.settings, store: { ...view.value.settings.store, name: '新名字' } },
    });
    expect(saved).toMatchObject({ ok: true, value: { restarting: true } });
    await expect.poll(() => seen.filter((k) => k === 'host').length, { timeout: 10_000 }).toBe(2);
    const second = hostOf(runner.state());
    expect(second).not.toBe(first);
    const boot = await second.dispatch('app.bootstrap', {});
    expect(boot.ok && boot.value.store.name).toBe('新名字');
    // the old host is closed: its calls are refused, not served from a stale graph
    const stale = await first.dispatch('cart.get', {});
    expect(stale.ok).toBe(false);
    await runner.close();
  });

  it('joins restarts asked for at once into one', async () => {
    const runner = createAppRunner({ dataDir: tempDir(), log: () => undefined });
    const first = hostOf(await runner.start());
    const [a, b] = await Promise.all([runner.restart(), runner.restart()]);
    expect(a).toBe(b);
    expect(hostOf(a)).not.toBe(first);
    await runner.close();
  });
});
