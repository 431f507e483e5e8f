// A till for the shift suites: the real host (training mode, its demo catalog and training manager) on a temp
// folder with a clock the test moves, cash sales and a cash refund made through dispatch as the screens make
// them, and the journal read back from the store file.
import Database from 'better-sqlite3';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { SaleView, ShiftView } from '../../../main/api/contract';
import type { Host } from '../../../main/host-types';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';
import { cleanup, startHost } from '../../support/temp-host';
import { call, cartOf } from '../payments/fixtures';

export { call, failure } from '../payments/fixtures';

afterEach(cleanup);

export const MANAGER = { operatorCode: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin };
/** A float of 500.00: 3 × 100, 3 × 50, 2 × 20, 1 × 10 notes = 500 yuan. */
export const FLOAT = { 'note-10000': 3, 'note-5000': 3, 'note-2000': 2, 'note-1000': 1 } as const;
export const FLOAT_MINOR = 50_000;

export interface Till {
  readonly host: Host;
  readonly dataDir: string;
  /** moves the till's clock on by `ms` */
  tick(ms?: number): void;
  /** the bodies of the journal's entries of `kind`, oldest first */
  journal(kind: string): Record<string, unknown>[];
  /** the same store file, opened apart (for triggers that make a write fail) */
  raw(): Database.Database;
}

export async function openTill(opts: { dataDir?: string; config?: object; at?: number } = {}): Promise<Till> {
  let t = opts.at ?? Date.parse('2026-03-02T08:00:00.000Z');
  const host = await startHost({
    clock: () => new Date(t),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  const file = path.join(host.dataDir, 'pos.sqlite');
  const raws: Database.Database[] = [];
  afterEach(() => raws.splice(0).forEach((db) => db.close()));
  return {
    host,
    dataDir: host.dataDir,
    tick: (ms = 60_000) => void (t += ms),
    journal: (kind) => {
      const db = new Database(file, { readonly: true });
      try {
        const rows = db.prepare('SELECT body FROM journal WHERE kind = ? ORDER BY seq').all(kind) as {
          body: string;
        }[];
        return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
      } finally {
        db.close();
      }
    },
    raw: () => {
      const db = new Database(file);
      raws.push(db);
      return db;
    },
  };
}

/** A cash sale of the demo cart (cola + water) paid with `tenderedMinor`; the change is what is over. */
export async function cashSale(h: Host, tenderedMinor: number): Promise<SaleView> {
  const cart = await cartOf(h);
  return call(h, 'sale.tenderCash', { cartId: cart.cartId, cartVersion: cart.version, tenderedMinor });
}

/** Refunds the whole of a cash sale from the drawer (the manager approves). */
export async function cashRefund(h: Host, sale: SaleView): Promise<number> {
  const lines = sale.lines.map((l, i) => ({ lineNo: i + 1, qtyMilli: l.qtyMilli }));
  const r = await call(h, 'refund.issue', {
    refundId: randomUUID(),
    saleId: sale.saleId,
    lines,
    reason: 'not_wanted',
    approval: MANAGER,
  });
  return r.amountMinor;
}

export const openShift = (h: Host): Promise<ShiftView> => call(h, 'shift.open', { floatCounts: FLOAT });
