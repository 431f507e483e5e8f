// Every contract channel, fed payloads of the wrong shape (fast-check): each is refused with the typed
// INVALID_PAYLOAD error before any service runs, and the database is byte-for-byte unchanged in content.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../main/api/contract';
import { DEMO } from '../../../main/catalog/demo';
import { createHost } from '../../../main/host';
import type { Host } from '../../../main/host-types';
import Database from 'better-sqlite3';

let dir: string;
let host: Host;
let reader: Database.Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-fuzz-'));
  host = await createHost({ dataDir: dir, log: () => undefined });
  await host.dispatch('cart.scan', { code: DEMO.cola.barcode }); // something in the cart to damage
  reader = new Database(path.join(dir, 'pos.sqlite'), { readonly: true });
});
afterAll(async () => {
  reader.close();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, as one string: "nothing written" means this does not change. */
function snapshot(): string {
  const tables = reader
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as {
    name: string;
  }[];
  return JSON.stringify(tables.map(({ name }) => [name, reader.prepare(`SELECT * FROM "${name}"`).all()]));
}

// Wrong shapes: anything at all, plus near-misses of valid objects (wrong types, extra keys, huge strings).
const nearMiss = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 }),
  fc.record({
    code: fc.oneof(fc.integer(), fc.string({ minLength: 129, maxLength: 300 }), fc.constant(null)),
    lineId: fc.oneof(fc.integer(), fc.constant(''), fc.constant(null)),
    qtyMilli: fc.oneof(fc.double(), fc.constant(-1), fc.constant(0), fc.string()),
    tenderedMinor: fc.oneof(fc.double({ noInteger: true }), fc.constant(-5), fc.constant(2 ** 60)),
    discount: fc.oneof(
      fc.constant({ kind: 'percent', bp: 10_001 }),
      fc.constant({ kind: 'bogus' }),
      fc.string(),
    ),
    locale: fc.constantFrom('fr', 'zh', '', 'EN'),
    extra: fc.anything(),
  }),
);
const payloads = fc.oneof(fc.anything(), nearMiss);

describe('every contract channel rejects wrong payloads with a typed error and writes nothing', () => {
  for (const channel of channelNames) {
    it(channel, async () => {
      const before = snapshot();
      const schema = contract[channel];
      await fc.assert(
        fc.asyncProperty(
          payloads.filter((p) => !schema.safeParse(p).success),
          async (payload) => {
            const r = await host.dispatchUntyped(channel, payload);
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.error.code).toBe('INVALID_PAYLOAD');
              expect(r.error.detail?.channel).toBe(channel);
            }
          },
        ),
        { numRuns: 150 },
      );
      expect(snapshot()).toBe(before);
    });
  }

  it('unknown and prototype channel names are refused', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'cart', 'cart.scan.x', '']) {
      const r = await host.dispatchUntyped(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});
