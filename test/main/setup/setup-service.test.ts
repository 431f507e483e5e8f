// The settings channels on a real host: who may change what, what is written and journaled, and the way out of
// training. (The screen itself: test/renderer/ui-settings.test.ts; the whole first day: test/e2e/first-day.)
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Channel, Input, Output } from '../../../main/api/contract';
import type { PosError } from '../../../main/api/result';
import { CONFIG_FILE, loadConfig } from '../../../main/config/config';
import { PREVIOUS_CONFIG_FILE } from '../../../main/config/config-store';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { GO_LIVE_FILE } from '../../../main/training/go-live';
import { cleanup, startHost } from '../../support/temp-host';

afterEach(cleanup);

const training = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
const manager = { code: '7001', name: '王店长', role: 'manager' as const, pin: '480259' };
const managerApproval = { operatorCode: manager.code, pin: manager.pin };

type TestHost = Awaited<ReturnType<typeof startHost>>;

async function ok<C extends Channel>(h: TestHost, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function refused<C extends Channel>(h: TestHost, channel: C, input: Input<C>): Promise<PosError> {
  const r = await h.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} was not refused`);
  return r.error;
}

const journal = (dir: string, kind: string): Record<string, unknown>[] => {
  const db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
  try {
    return (
      db.prepare('SELECT body FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { body: string }[]
    ).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  } finally {
    db.close();
  }
};

describe('setup.view', () => {
  it('shows the settings, the folders and a first start, and nothing secret', async () => {
    const h = await startHost();
    const view = await ok(h, 'setup.view', {});
    expect(view).toMatchObject({
      training: true,
      firstStart: true,
      dataDir: h.dataDir,
      logDir: path.join(h.dataDir, 'logs'),
      terminalSecretSet: false,
      managersOnFile: 0,
      restartsItself: false,
    });
    expect(view.settings.store.terminalId).toBe('T01');
    expect(view.settings.taxCategories?.map((c) => c.id)).toEqual(['std', 'food', 'svc', 'zero']);
    expect(view.settings).not.toHaveProperty('offlinePolicy');
  });
});

describe('setup.save', () => {
  it('writes the change with the previous file kept, journals each changed setting and who approved, restarts', async () => {
    const restart = vi.fn();
    const h = await startHost({ requestRestart: restart });
    const { settings } = await ok(h, 'setup.view', {});
    const saved = await ok(h, 'setup.save', {
      approval: training,
      settings: { ...settings, store: { ...settings.store, name: '河畔超市', terminalId: 'T07' } },
    });
    expect(saved.restarting).toBe(true);
    expect(saved.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['store.name', 'store.terminalId']),
    );
    await vi.waitFor(() => expect(restart).toHaveBeenCalledTimes(1));
    expect(loadConfig(h.dataDir).store).toMatchObject({ name: '河畔超市', terminalId: 'T07' });
    expect(fs.existsSync(path.join(h.dataDir, PREVIOUS_CONFIG_FILE))).toBe(true);
    const [entry] = journal(h.dataDir, 'settings.changed');
    expect(entry?.['approvedBy']).toMatchObject({ code: TRAINING_MANAGER.code });
    expect(entry?.['changes']).toEqual(
      expect.arrayContaining([{ path: 'store.name', from: '示范便利店', to: '河畔超市' }]),
    );
    expect((await ok(h, 'setup.view', {})).firstStart).toBe(false);
  });

  it('refuses settings config.json’s schema refuses, naming each field, and writes nothing', async () => {
    const h = await startHost();
    const before = fs.readFileSync(path.join(h.dataDir, CONFIG_FILE), 'utf8');
    const { settings } = await ok(h, 'setup.view', {});
    const e = await refused(h, 'setup.save', {
      approval: training,
      settings: { ...settings, currency: 'rmb', store: { ...settings.store, terminalId: 'T 1' } },
    });
    expect(e.code).toBe('SETTINGS_INVALID');
    expect(e.detail?.['issues']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^currency: /),
        expect.stringMatching(/^store\.terminalId: /),
      ]),
    );
    expect(fs.readFileSync(path.join(h.dataDir, CONFIG_FILE), 'utf8')).toBe(before);
    expect(journal(h.dataDir, 'settings.changed')).toEqual([]);
  });

  it('needs a manager: a wrong PIN changes nothing', async () => {
    const h = await startHost();
    const { settings } = await ok(h, 'setup.view', {});
    const e = await refused(h, 'setup.save', {
      approval: { operatorCode: TRAINING_MANAGER.code, pin: '9999' },
      settings: { ...settings, currency: 'HKD' },
    });
    expect(e.code).toBe('APPROVAL_DENIED');
    expect(loadConfig(h.dataDir).currency).toBe('CNY');
  });

  it('never changes trainingMode nor sets a real gateway while training (those come with going live)', async () => {
    const h = await startHost();
    const { settings } = await ok(h, 'setup.view', {});
    expect(
      (await refused(h, 'setup.save', { approval: training, settings: { ...settings, trainingMode: false } }))
        .code,
    ).toBe('MODE_CONFLICT');
    const gateway = {
      url: 'https://gw.example.com',
      terminalSecretFile: 'terminal.secret',
      serverCertFile: 'gw.pem',
    };
    expect(
      (await refused(h, 'setup.save', { approval: training, settings: { ...settings, gateway } })).code,
    ).toBe('MODE_CONFLICT');
    expect(loadConfig(h.dataDir).trainingMode).toBe(true);
  });
});

describe('setup.goLive', () => {
  it('is refused to the training manager and while no manager is on file', async () => {
    const h = await startHost();
    const e = await refused(h, 'setup.goLive', { approval: training });
    expect(e.code).toBe('REAL_MANAGER_REQUIRED');
    expect(fs.existsSync(path.join(h.dataDir, GO_LIVE_FILE))).toBe(false);
    expect(loadConfig(h.dataDir).trainingMode).toBe(true);
  });

  it('a manager on file takes the till live with its gateway; secrets go to 0600 files, never into config.json', async () => {
    const restart = vi.fn();
    const h = await startHost({ requestRestart: restart });
    await ok(h, 'staff.add', { ...manager, approval: training });
    const secret = 'ab'.repeat(32);
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----';
    const saved = await ok(h, 'setup.goLive', {
      approval: managerApproval,
      gateway: { url: 'https://gw.example.com:8443', terminalSecretFile: 'x' },
      terminalSecret: secret,
      serverCertPem: pem,
    });
    expect(saved.restarting).toBe(true);
    await vi.waitFor(() => expect(restart).toHaveBeenCalledTimes(1));
    const config = loadConfig(h.dataDir);
    expect(config.trainingMode).toBe(false);
    expect(config.gateway).toMatchObject({
      url: 'https://gw.example.com:8443',
      terminalSecretFile: 'terminal.secret',
      serverCertFile: 'gateway-cert.pem',
    });
    const text = fs.readFileSync(path.join(h.dataDir, CONFIG_FILE), 'utf8');
    expect(text).not.toContain(secret);
    for (const f of ['terminal.secret', 'gateway-cert.pem']) {
      expect(fs.statSync(path.join(h.dataDir, f)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(path.join(h.dataDir, 'terminal.secret'), 'utf8').trim()).toBe(secret);
    expect(JSON.parse(fs.readFileSync(path.join(h.dataDir, GO_LIVE_FILE), 'utf8'))).toMatchObject({
      approvedBy: { code: manager.code },
    });
    const [entry] = journal(h.dataDir, 'training.leave-requested');
    expect(JSON.stringify(entry)).not.toContain(secret);
    expect(entry?.['secrets']).toEqual({ terminalSecret: true, serverCert: true });
  });

  it('checks the live settings whole before writing anything (an http gateway cannot go live)', async () => {
    const h = await startHost();
    await ok(h, 'staff.add', { ...manager, approval: training });
    const e = await refused(h, 'setup.goLive', {
      approval: managerApproval,
      gateway: { url: 'http://127.0.0.1:9', terminalSecretFile: 'terminal.secret' },
    });
    expect(e.code).toBe('SETTINGS_INVALID');
    expect(fs.existsSync(path.join(h.dataDir, GO_LIVE_FILE))).toBe(false);
    expect(loadConfig(h.dataDir).trainingMode).toBe(true);
  });
});
