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
      timeZone: 'UTC',
      breakdown: expect.arrayContaining([
        { by: 'day', key: '', label: null, localMinor: minor, settledMinor: minor },
        { by: 'terminal', key: 'T01', label: 'T01', localMinor: minor, settledMinor: minor },
      ]),
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
      ['--data', shop.dataDir, '--day', today(), '--time-zone', 'UTC', '--tz', 'UTC'],
    ];
    for (const argv of usage) {
      const u = await run(argv);
      expect(u.code, argv.join(' ')).toBe(2);
      expect(u.err.at(-1)).toMatch(/^usage: npm run reconcile/);
    }
  });

  it(
    'dates the day in the shop’s time zone: config.json’s, or --time-zone',
    { timeout: 30_000 },
    async () => {
      // A card payment at 23:30 UTC on 10 March: still the 10th in London (GMT), already the 11th in Shanghai.
      // The gateway refuses a request stamped outside its window, so the sale is made now and its times are
      // moved to then in the store (what the reader reads: the sale's completion, the attempt's creation).
      const at = Date.parse('2026-03-10T23:30:00.000Z');
      const shop = await openShop();
      const { ref, minor } = await cardSale(shop);
      const db = openDatabase(path.join(shop.dataDir, 'pos.sqlite'));
      db.prepare('UPDATE payment_attempts SET created_at = ? WHERE id = ?').run(
        new Date(at).toISOString(),
        ref,
      );
      db.prepare(
        'UPDATE sales SET completed_at = ? WHERE id = (SELECT sale_id FROM payment_attempts WHERE id = ?)',
      ).run(new Date(at + 2_000).toISOString(), ref);
      db.close();
      const host = { dataDir: shop.dataDir };
      const file = path.join(host.dataDir, 'settlement.json');
      const payment = {
        ...{
          kind: 'card',
          id: 'pay-1',
          reference: ref,
          saleRef: null,
          status: 'approved',
          amountMinor: minor,
        },
        ...{ refundedMinor: 0, brandOrScheme: 'visa', last4: '4242', storedOffline: false, feeMinor: 0 },
        at: new Date(at).toISOString(),
      };
      fs.writeFileSync(
        file,
        JSON.stringify({
          ...{ businessDate: '2026-03-10', terminalId: 'T01', currency: 'CNY', payments: [payment] },
          totals: { count: 1, approvedMinor: minor, refundedMinor: 0, netMinor: minor },
        }),
      );
      // The file is imported as the settlement of `day`; what the day's till side holds depends on the zone.
      const reconcile = async (day: string, ...extra: string[]) => {
        const args = ['--data', host.dataDir, '--day', day, '--file', file, '--format', 'gateway', '--json'];
        const r = await run([...args, ...extra]);
        const body = JSON.parse(r.out[0] ?? '{}') as {
          timeZone?: string;
          items?: { class: string }[];
          breakdown?: { by: string; localMinor: number }[];
        };
        const local = body.breakdown?.find((b) => b.by === 'day')?.localMinor;
        const classes = body.items?.map((i) => i.class);
        return { code: r.code, err: r.err, timeZone: body.timeZone, local, classes };
      };
      // No zone in config.json: Asia/Shanghai, where the payment is the 11th's, not the 10th's.
      expect(await reconcile('2026-03-10')).toEqual({
        ...{ code: 0, err: [], timeZone: 'Asia/Shanghai', local: 0 },
        classes: [], // the till knows the payment: another day's business, no difference of the 10th
      });
      expect(await reconcile('2026-03-11')).toMatchObject({ timeZone: 'Asia/Shanghai', local: minor });
      expect(await reconcile('2026-03-10', '--time-zone', 'Europe/London')).toEqual({
        ...{ code: 0, err: [], timeZone: 'Europe/London', local: minor },
        classes: ['matched'],
      });
      expect(await reconcile('2026-03-11', '--time-zone', 'Europe/London')).toMatchObject({ local: 0 });

      const configFile = path.join(host.dataDir, 'config.json');
      const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { store: object };
      config.store = { ...config.store, timeZone: 'Europe/London' };
      fs.writeFileSync(configFile, JSON.stringify(config));
      expect(await reconcile('2026-03-10')).toMatchObject({
        ...{ code: 0, timeZone: 'Europe/London', local: minor },
        classes: ['matched'],
      });
      expect(await reconcile('2026-03-10', '--tz', 'Asia/Shanghai')).toMatchObject({
        ...{ timeZone: 'Asia/Shanghai', local: 0 },
        classes: [],
      });

      const mars = await run(['--data', host.dataDir, '--day', '2026-03-10', '--time-zone', 'Mars/Olympus']);
      expect(mars.code).toBe(2);
      expect(mars.err[0]).toBe(
        'reconcile: --time-zone: unknown time zone "Mars/Olympus": give an IANA name such as "Asia/Shanghai"',
      );
    },
  );
});
