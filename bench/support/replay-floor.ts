// The bare-SQLite floor "for the same rows" (issue 10 point 8): the rows one real sale commit wrote, written
// again by plain prepared statements in one transaction, on a copy of the till's own store (same schema, same
// indexes and triggers, same pragmas, same history), with no app code around them: no pricing, no validation,
// no hashing, no reads of the cart or the catalog. What the commit costs above this is the app's own work.
//
// Each replay writes what the commit writes, taken from a template sale: the sale, its lines and tenders, its
// journal entry (next seq, a fresh hash), its outbox row, its print jobs, the counters a sale moves (receipt,
// journal head, last sale), the day's totals rows it adds to (its shift and cashier's sales, tax rates and
// tender; main/sale/sale-totals.ts), and the close of its cart (a cart row and its open body, put in place untimed
// beforehand, as the scans would have). Keys that must be unique (sale id, cart id, receipt number, line and
// tender ids) are replaced; every other value is the template's.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

type Row = Record<string, unknown>;

export interface ReplayFloor {
  /** Puts an open cart in place (untimed: the scans did this before the commit). */
  prepare(round: number): void;
  /** The timed part: one transaction that writes the template sale's rows again. */
  commit(round: number): void;
}

const uuid = (): string => crypto.randomUUID();

function insertFor(db: Database.Database, table: string, row: Row): Database.Statement {
  const cols = Object.keys(row);
  return db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
  );
}

/** `db` is a copy of a till's store, opened as the store is; `saleId` one of its sales (cash). */
export function replayFloor(db: Database.Database, saleId: string): ReplayFloor {
  const one = <T>(sql: string, ...p: unknown[]): T => db.prepare(sql).get(...p) as T;
  const all = <T>(sql: string, ...p: unknown[]): T[] => db.prepare(sql).all(...p) as T[];

  const sale = one<Row>(`SELECT * FROM sales WHERE id = ?`, saleId);
  const lines = all<Row>(`SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no`, saleId);
  const tenders = all<Row>(`SELECT * FROM tenders WHERE sale_id = ?`, saleId);
  const journal = one<Row>(`SELECT * FROM journal WHERE ref = ? AND kind = 'sale.completed'`, saleId);
  const outbox = all<Row>(`SELECT * FROM outbox WHERE ref = ?`, saleId);
  const jobs = all<Row>(`SELECT * FROM print_jobs WHERE sale_id = ? AND copy = 0 ORDER BY id`, saleId);
  const cart = one<Row>(`SELECT * FROM carts WHERE id = ?`, sale.cart_id);
  if (lines.length === 0 || tenders.length === 0 || outbox.length === 0 || jobs.length === 0)
    throw new Error(`replay floor: sale ${saleId} lacks rows to replay`);

  const oldSale = String(sale.id);
  const oldCart = String(sale.cart_id);
  const oldReceipt = String(sale.receipt_no);
  // The receipt counter's own series, far above the till's, so the numbers never collide with real sales.
  const receiptOf = (round: number): string =>
    `${oldReceipt.split('-')[0] ?? 'R'}-9${String(round).padStart(8, '0')}`;
  const swap = (v: unknown, ids: { sale: string; cart: string; receipt: string }): unknown =>
    typeof v === 'string'
      ? v.replaceAll(oldSale, ids.sale).replaceAll(oldCart, ids.cart).replaceAll(oldReceipt, ids.receipt)
      : v;
  const swapRow = (row: Row, ids: { sale: string; cart: string; receipt: string }): Row =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, swap(v, ids)]));

  const insSale = insertFor(db, 'sales', sale);
  const insLine = insertFor(db, 'sale_lines', lines[0] as Row);
  const insTender = insertFor(db, 'tenders', tenders[0] as Row);
  const { seq: _seq, ...journalRest } = journal;
  const insJournal = insertFor(db, 'journal', journalRest);
  const insOutbox = insertFor(db, 'outbox', outbox[0] as Row);
  const { id: _id, ...jobRest } = jobs[0] as Row;
  const insJob = insertFor(db, 'print_jobs', jobRest);
  const bumpReceipt = db.prepare(
    `UPDATE counters SET value = value + 1 WHERE name = 'receipt' RETURNING value`,
  );
  const head = db.prepare(`UPDATE counters SET value = ?, hash = ? WHERE name = 'journal.head'`);
  const last = db.prepare(`UPDATE counters SET value = ?, hash = ? WHERE name = 'sale.last'`);
  const closeCart = db.prepare(
    `UPDATE carts SET status = 'completed', updated_at = ?, version = ?, body = '' WHERE id = ? AND status = 'open'`,
  );
  // The day's totals rows the template sale added to: in steady state they exist, so the floor updates them.
  const metrics = [
    'sales',
    ...new Set(lines.map((l) => `tax:${String(l.tax_rate_bp)}`)),
    ...new Set(tenders.map((t) => `tender:${String(t.kind)}`)),
  ];
  const day = one<{ value: number }>(`SELECT value FROM counters WHERE name = 'business-day'`).value;
  const addTotals = db.prepare(
    `UPDATE day_totals SET n = n + 1, amount_minor = amount_minor + 1, tax_minor = tax_minor + 1
     WHERE day_no = ? AND metric = ? AND shift_id = ? AND operator_id = ?`,
  );
  const delOpen = db.prepare(`DELETE FROM cart_open WHERE slot = 1 AND cart_id = ?`);
  const insCart = db.prepare(
    `INSERT INTO carts (id, status, version, body, opened_at, updated_at) VALUES (?, 'open', 0, '', ?, ?)`,
  );
  const insOpen = db.prepare(
    `INSERT OR REPLACE INTO cart_open (slot, cart_id, version, body, updated_at) VALUES (1, ?, 5, ?, ?)`,
  );
  // A cart body of the template's size: the scans wrote one like it.
  const body = JSON.stringify({ lines: lines.map((l) => ({ ...l })), orderDiscount: null, lastLineId: 'x' });

  // The copy may hold the till's own open cart: set it aside, or the replayed carts could not open.
  db.transaction(() => {
    db.prepare(`UPDATE carts SET status = 'abandoned' WHERE status = 'open'`).run();
    db.prepare(`DELETE FROM cart_open`).run();
  }).immediate();

  const ids = new Map<number, { sale: string; cart: string; receipt: string }>();
  const idsOf = (round: number): { sale: string; cart: string; receipt: string } => {
    let x = ids.get(round);
    if (x === undefined) {
      x = { sale: uuid(), cart: uuid(), receipt: receiptOf(round) };
      ids.set(round, x);
    }
    return x;
  };

  return {
    prepare(round) {
      const x = idsOf(round);
      db.transaction(() => {
        insCart.run(x.cart, String(cart.opened_at), String(cart.updated_at));
        insOpen.run(x.cart, body, String(cart.updated_at));
      }).immediate();
    },
    commit(round) {
      const x = idsOf(round);
      ids.delete(round);
      db.transaction(() => {
        bumpReceipt.get();
        insSale.run(swapRow(sale, x));
        for (const l of lines) insLine.run({ ...swapRow(l, x), line_id: uuid() });
        for (const t of tenders) insTender.run({ ...swapRow(t, x), id: uuid() });
        const hash = crypto.randomBytes(32).toString('hex');
        const seq = insJournal.run({ ...swapRow(journalRest, x), hash }).lastInsertRowid;
        head.run(seq, hash);
        last.run(seq, x.sale);
        for (const o of outbox) insOutbox.run(swapRow(o, x));
        for (const j of jobs) {
          const { id: _jid, ...rest } = j;
          insJob.run(swapRow(rest, x));
        }
        for (const m of metrics) {
          addTotals.run(day, m, String(sale.shift_id ?? ''), String(sale.operator_id ?? ''));
        }
        closeCart.run(String(sale.completed_at), Number(sale.cart_version), x.cart);
        delOpen.run(x.cart);
      }).immediate();
    },
  };
}
