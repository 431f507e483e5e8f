// Training and live never mix, at the level of a real start (createHost through startApp): the refusals, the
// demo catalog only in a new training store, and leaving training through the go-live request.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../main/api/contract';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig } from '../../../main/config/config';
import { PREVIOUS_CONFIG_FILE } from '../../../main/config/config-store';
import type { Host } from '../../../main/host-types';
import { startApp } from '../../../main/startup/start-app';
import { DEMO_PRODUCTS } from '../../../main/catalog/demo';
import { GO_LIVE_FILE, requestGoLive } from '../../../main/training/go-live';
import { cleanup, tempDir } from '../../support/temp-host';

afterEach(cleanup);

const quiet = { log: () => undefined };

async function start(dataDir: string, trainingMode?: boolean): Promise<Host> {
  const app = await startApp({ dataDir, ...quiet, ...(trainingMode === undefined ? {} : { trainingMode }) });
  if (!('host' in app)) throw new Error(`start failed: ${app.failure.code} ${app.failure.message}`);
  return app.host;
}

async function ok<C extends Channel>(h: Host, channel: C, payload: Input<C>): Promise<Output<C>> {
  const r = await h.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

async function sellDemoItem(h: Host): Promise<void> {
  const barcode = DEMO_PRODUCTS.find((p) => p.barcode !== null)?.barcode;
  if (!barcode) throw new Error('no demo barcode');
  const cart = await ok(h, 'cart.scan', { code: barcode });
  await ok(h, 'sale.tenderCash', { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor: 100_000 });
}

const storeRows = (dir: string, sql: string): unknown[] => {
  const db = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

const writeConfig = (dir: string, patch: Record<string, unknown>): void =>
  fs.writeFileSync(path.join(dir, CONFIG_FILE), JSON.stringify({ ...DEFAULT_CONFIG, ...patch }, null, 2));

describe('training and live at start-up', () => {
  it('refuses training mode beside a real gateway, with its own failure screen, touching nothing', async () => {
    const dir = tempDir();
    writeConfig(dir, {
      gateway: {
        url: 'https://gateway.example.com',
        terminalSecretFile: 'terminal.secret',
        serverCertFile: 'gw.pem',
      },
    });
    const app = await startApp({ dataDir: dir, ...quiet });
    expect(app).toMatchObject({
      failure: { code: 'TRAINING_WITH_GATEWAY', file: path.join(dir, CONFIG_FILE) },
    });
    expect(storeRows(dir, 'SELECT * FROM products')).toEqual([]); // no demo goods seeded on the way
  });

  it('refuses --training on a folder that holds live sales, and the live till still starts', async () => {
    const dir = tempDir();
    writeConfig(dir, { trainingMode: false });
    const live = await start(dir);
    await live.close();
    const app = await startApp({ dataDir: dir, trainingMode: true, ...quiet });
    expect(app).toMatchObject({ failure: { code: 'TRAINING_ON_LIVE_STORE' } });
    // config.json edited back to training on a live store: refused too
    writeConfig(dir, { trainingMode: true });
    expect(await startApp({ dataDir: dir, ...quiet })).toMatchObject({
      failure: { code: 'TRAINING_ON_LIVE_STORE' },
    });
    writeConfig(dir, { trainingMode: false });
    await (await start(dir)).close();
  });

  it('seeds the demo catalog only into a new training store', async () => {
    const training = tempDir();
    await (await start(training)).close();
    expect(storeRows(training, 'SELECT count(*) AS n FROM products')).toEqual([{ n: DEMO_PRODUCTS.length }]);
    // A training store whose goods were removed is not re-seeded at the next start.
    const db = new Database(path.join(training, 'pos.sqlite'));
    db.exec('DELETE FROM barcodes; DELETE FROM products');
    db.close();
    await (await start(training)).close();
    expect(storeRows(training, 'SELECT count(*) AS n FROM products')).toEqual([{ n: 0 }]);
    // A live store never gets demo goods.
    const live = tempDir();
    writeConfig(live, { trainingMode: false });
    await (await start(live)).close();
    expect(storeRows(live, 'SELECT count(*) AS n FROM products')).toEqual([{ n: 0 }]);
  });

  it('refuses a live start on a training store that no manager took live', async () => {
    const dir = tempDir();
    await (await start(dir)).close();
    writeConfig(dir, { trainingMode: false }); // hand-edited
    expect(await startApp({ dataDir: dir, ...quiet })).toMatchObject({
      failure: { code: 'TRAINING_STORE_NOT_LEFT' },
    });
  });
});

describe('leaving training (go-live request)', () => {
  const approvedBy = { operatorId: 'op-1', code: '7001', name: '王店长' };

  async function trainingStoreWithShopData(dir: string): Promise<void> {
    const h = await start(dir);
    await sellDemoItem(h);
    await h.close();
    const db = new Database(path.join(dir, 'pos.sqlite'));
    const at = new Date().toISOString();
    db.prepare(
      `INSERT INTO operators (id, code, name, role, pin_hash, created_at, updated_at) VALUES ('op-1', '7001', '王店长', 'manager', 'x', ?, ?)`,
    ).run(at, at);
    db.prepare(
      `INSERT INTO products (id, sku, name, price_minor, unit, tax_category_id, updated_at) VALUES ('p-own', 'OWN1', '本店商品', 1200, 'each', 'std', ?)`,
    ).run(at);
    db.prepare(`INSERT INTO barcodes (code, product_id) VALUES ('6901234567892', 'p-own')`).run();
    db.close();
  }

  it('archives the training store, starts the live one clean with the staff and the shop’s own goods', async () => {
    const dir = tempDir();
    await trainingStoreWithShopData(dir);
    requestGoLive(dir, { approvedBy, requestedAt: new Date().toISOString() });

    const live = await start(dir);
    await live.close();

    expect(loadConfig(dir).trainingMode).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, PREVIOUS_CONFIG_FILE), 'utf8'))).toMatchObject({
      trainingMode: true,
    });
    expect(fs.existsSync(path.join(dir, GO_LIVE_FILE))).toBe(false);
    expect(storeRows(dir, 'SELECT count(*) AS n FROM sales')).toEqual([{ n: 0 }]);
    expect(storeRows(dir, 'SELECT sku FROM products')).toEqual([{ sku: 'OWN1' }]);
    expect(storeRows(dir, 'SELECT code FROM barcodes')).toEqual([{ code: '6901234567892' }]);
    expect(storeRows(dir, 'SELECT code FROM operators')).toEqual([{ code: '7001' }]);
    const journal = storeRows(dir, 'SELECT kind, body FROM journal ORDER BY seq') as {
      kind: string;
      body: string;
    }[];
    const left = journal.find((j) => j.kind === 'training.left');
    if (!left) throw new Error('no training.left entry');
    const body = JSON.parse(left.body) as { approvedBy: unknown; archive: { file: string; sha256: string } };
    expect(body.approvedBy).toEqual(approvedBy);
    const archived = fs.readFileSync(body.archive.file);
    expect(createHash('sha256').update(archived).digest('hex')).toBe(body.archive.sha256);
    // The archive holds the training sale, whole.
    const arch = new Database(body.archive.file, { readonly: true });
    expect(arch.prepare('SELECT count(*) AS n FROM sales WHERE training = 1').get()).toEqual({ n: 1 });
    arch.close();
    // Still live at the next start; --training is now refused.
    await (await start(dir)).close();
    expect(await startApp({ dataDir: dir, trainingMode: true, ...quiet })).toMatchObject({
      failure: { code: 'TRAINING_ON_LIVE_STORE' },
    });
  });

  it('resumes after a power cut between moving the training store aside and the live store’s first start', async () => {
    const dir = tempDir();
    await trainingStoreWithShopData(dir);
    requestGoLive(dir, { approvedBy, requestedAt: new Date().toISOString() });
    // The first step alone, as if the power went right after it.
    const { beforeStoreOpens } = await import('../../../main/training/training-start');
    await beforeStoreOpens(dir, new Date());
    expect(fs.existsSync(path.join(dir, 'pos.sqlite'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, GO_LIVE_FILE), 'utf8'))).toHaveProperty('archive');

    await (await start(dir)).close();
    expect(storeRows(dir, 'SELECT code FROM operators')).toEqual([{ code: '7001' }]);
    expect(storeRows(dir, `SELECT count(*) AS n FROM journal WHERE kind = 'training.left'`)).toEqual([
      { n: 1 },
    ]);
    expect(fs.readdirSync(path.join(dir, 'training-archive'))).toHaveLength(1);
  });
});
