// `npm run reconcile`: exit 0 when everything matched, 1 when differences were found, 2 when nothing could be
// reconciled (arguments, a refused file with its line on stderr); --json prints one object.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/config/config';
import { configuredClient } from '../../../main/gateway/connection';
import { reconcileCli } from '../../../main/reconciliation/reconcile-command';
import { openDatabase } from '../../../main/store/db';
import { call, cartOf, openShop, type Shop } from '../payments/fixtures';

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await reconcileCli(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

async function cardSale(shop: Shop): Promise<{ ref: string; minor: number }> {
  const cart = await cartOf(shop.host);
  const a = await call(shop.host, 'payment.startCard', { cartId: cart.cartId, cartVersion: cart.version });
  const r = await call(shop.host, 'payment.trainingSwipe', { attemptId: a.attemptId, testCard: 'visa' });
  if (!r.sale) throw new Error('no sale');
  return { ref: a.attemptId, minor: r.sale.totals.totalMinor };
}

const today = (): string => new Date().toISOString().slice(0, 10);

describe('npm run reconcile', () => {
  it('fetches from the configured gateway: exit 0 and one JSON object when all matched', async () => {
    const shop = await openShop();
    const { ref, minor } = await cardSale(shop);
    const r = await run(['--data', shop.dataDir, '--day', today(), '--tz', 'UTC', '--json']);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const body = JSON.parse(r.out[0] ?? '') as unknown;
    expect(body).toEqual({
      rows: 1,
      totals: { chargedMinor: minor, refundedMinor: 0, feeMinor: 0 },
      items: [{ class: 'matched', reference: ref, localMinor: minor, settledMinor: minor }],
    });
  });

  it('a gateway file missing a payment: exit 1, the difference listed', async () => {
    const shop = await openShop();
    const kept = await cardSale(shop);
    const missing = await cardSale(shop);
    const client = configuredClient({
      config: loadConfig(shop.dataDir),
      dataDir: shop.dataDir,
      now: () => new Date(),
    });
    const s = await client.settlement(today());
    client.close();
    if (s.kind !== 'ok') throw new Error(s.kind);
    const payments = s.value.payments.filter((p) => p.reference === kept.ref);
    const file = path.join(shop.dataDir, 'settlement.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...s.value,
        payments,
        totals: { count: 1, approvedMinor: kept.minor, refundedMinor: 0, netMinor: kept.minor },
      }),
    );
    const r = await run([
      '--data',
      shop.dataDir,
      '--day',
      today(),
      '--tz',
      'UTC',
      '--file',
      file,
      '--format',
      'gateway',
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toContain(`sale_no_charge\t${missing.ref}\tlocal ${missing.minor}\tsettled 0`);
    expect(r.out.at(-1)).toBe('1 matched, 1 differences');
  });

  it('an unusable file or arguments: exit 2, the line and the reason on stderr, nothing kept', async () => {
    const shop = await openShop();
    await cardSale(shop);
    const bad = path.join(shop.dataDir, 'bill.csv');
    fs.writeFileSync(bad, 'this is not a bill\n');
    const r = await run([
      '--data',
      shop.dataDir,
      '--day',
      today(),
      '--file',
      bad,
      '--format',
      'wechat',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/^reconcile: line 1: unknown-layout/);
    const db = openDatabase(path.join(shop.dataDir, 'pos.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM settlement_imports').get()).toEqual({ n: 0 });
    db.close();
    const usage = [
      ['--data', shop.dataDir],
      ['--data', shop.dataDir, '--day', '2025-02-30'],
      ['--data', shop.dataDir, '--day', today(), '--format', 'wechat'],
      ['--data', shop.dataDir, '--day', today(), '--file', bad, '--format', 'paypal'],
      ['--data', path.join(shop.dataDir, 'nowhere'), '--day', today()],
      ['--data', shop.dataDir, '--day', today(), '--bogus'],
    ];
    for (const argv of usage) {
      const u = await run(argv);
      expect(u.code, argv.join(' ')).toBe(2);
      expect(u.err.at(-1)).toMatch(/^usage: npm run reconcile/);
    }
  });
});
