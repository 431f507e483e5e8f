// A shop's history, generated through the app's OWN write path, for benchmarks and the query-plan test: the
// cart service scans demo barcodes and scale labels, sets quantities and discounts; the cash tender completes
// cash sales; card and QR sales take the path an approved payment takes (the attempt repo moves the attempt
// created -> authorizing -> approved and, in ONE transaction with the approval, the shared SaleWriter writes
// the sale, as card-payments.ts / qr-payments.ts do); the refund service issues a few cash refunds; then the
// print jobs are moved queued -> printing -> printed through the job repo and the outbox rows claimed and
// finished `sent` through the outbox repo, as the workers would; the till's housekeeping tasks (retention,
// cart compaction) run after each batch. No INSERT here is hand-written.
//
// Fast because many sales share one transaction (the services' own transactions become savepoints inside it)
// and nothing waits for a device or a network. Deterministic: a seeded generator picks everything and the
// clock is simulated (about 1,000 sales a day, shop hours 08:00-20:00 UTC), so row ids and times are the same
// on every build.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CartView, Discount, RefundReason } from '../../main/api/contract';
import { REFUND_REASONS } from '../../main/api/contract';
import { appendJournal } from '../../main/audit/journal';
import { DEMO, DEMO_PRODUCTS, demoScaleLabel, seedDemoCatalog } from '../../main/catalog/demo';
import { syncTaxCategories } from '../../main/catalog/tax-categories';
import {
  CONFIG_FILE,
  DEFAULT_CONFIG,
  DEFAULT_TAX_CATEGORIES,
  type PosConfig,
} from '../../main/config/config';
import { createAttemptRepo, type Attempt, type AttemptRepo } from '../../main/payments/attempts/attempt-repo';
import { maskPaymentCode } from '../../main/payments/codes/mask';
import type { CardFacts, EntryMode, QrScheme } from '../../main/gateway/protocol/schemas';
import { createJobRepo } from '../../main/printing/queue/job-repo';
import { printJobRetention } from '../../main/printing/queue/retention';
import { cartCompaction } from '../../main/sale/cart-compaction';
import { receiptSearchMerge } from '../../main/sale/receipt-search-merge';
import { journalCheckpointTask } from '../../main/audit/checkpoint-task';
import type { MaintenanceTask } from '../../main/store/idle-maintenance';
import { outboxRetention } from '../../main/sync/retention';
import { createRefundRepo } from '../../main/refunds/refund-repo';
import { createRefundService, type RefundService } from '../../main/refunds/refund-service';
import { createCartRepo, type CartRepo } from '../../main/sale/cart-repo';
import { createCartService, type CartService } from '../../main/sale/cart-service';
import type { SaleSettings } from '../../main/sale/ports';
import { createSaleCatalog } from '../../main/sale/sale-catalog';
import { createSaleRepo } from '../../main/sale/sale-repo';
import { createCashTender } from '../../main/sale/tender-cash';
import { createCheckout, type Checkout } from '../../main/sale/checkout';
import type { PaymentTenderInput } from '../../main/sale/tenders';
import type { Approver } from '../../main/staff/approvals';
import { openStore } from '../../main/store/open-store';
import { createOutboxRepo } from '../../main/outbox/outbox-repo';
import { seededRng, seededTimeId, type Rng } from './seeded';
import { createStaff } from '../../main/staff/staff-runtime';
import { createOperatorRepo } from '../../main/staff/operator-repo';
import type { SignedInRef } from '../../main/staff/approvals';
import { createShiftService, type ShiftService } from '../../main/shifts/shift-service';
import { cashLimits } from '../../main/shifts/cash-limits';
import { expectedCashQuery } from '../../main/shifts/expected-cash';
import { DEFAULT_DRAWER } from '../../main/api/contract/shifts';
import { denominationsOf } from '../../main/api/denominations';
import { createTillGate } from '../../main/sale/till-gate';
import { computeReport } from '../../main/reports/compute-report';
import { createZClose, type ZClose } from '../../main/reports/z-close';
import { enqueueReportJob } from '../../main/printing/queue/enqueue-report';
import { businessTimeZone } from '../../main/config/time-zone';

/** The settings of the generated shop: a live till (not training), cash drawer kick on cash sales. */
export const LARGE_STORE_CONFIG: PosConfig = { ...DEFAULT_CONFIG, trainingMode: false };

export interface LargeStoreOptions {
  /** created if missing; must not hold a store yet */
  readonly dataDir: string;
  readonly sales: number;
  readonly seed?: number;
  /** sales per outer transaction */
  readonly salesPerTransaction?: number;
  readonly salesPerDay?: number;
  /** the first shop day (UTC midnight) */
  readonly startAt?: Date;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LargeStoreSummary {
  readonly sales: number;
  readonly cash: number;
  readonly card: number;
  readonly qr: number;
  readonly refunds: number;
  readonly abandonedCarts: number;
  readonly lines: number;
  readonly weighedLines: number;
  readonly lineDiscounts: number;
  readonly orderDiscounts: number;
  readonly firstSaleAt: string | null;
  readonly lastSaleAt: string | null;
  readonly ms: number;
}

/** Barcodes of the demo goods sold by the piece. */
const PIECES: readonly string[] = DEMO_PRODUCTS.flatMap((p) => (p.barcode === null ? [] : [p.barcode]));
const WEIGHED = (['apples', 'bananas', 'tomatoes', 'potatoes'] as const).map((key) => ({
  key,
  productId: `demo-${DEMO[key].sku}`, // the id seedDemoCatalog gives it
}));
const CARD_BRANDS: readonly { brand: CardFacts['brand']; bin: string }[] = [
  { brand: 'unionpay', bin: '622202' },
  { brand: 'unionpay', bin: '621700' },
  { brand: 'visa', bin: '411111' },
  { brand: 'mastercard', bin: '555555' },
];
const ENTRY: readonly EntryMode[] = ['chip', 'contactless', 'contactless', 'swipe'];
const QR: readonly { scheme: QrScheme; prefix: string }[] = [
  { scheme: 'wechat', prefix: '13' },
  { scheme: 'alipay', prefix: '28' },
  { scheme: 'unionpay', prefix: '62' },
];
/**
 * The shop's staff, put on file through the staff directory: two cashiers who take turns at the till each day
 * (the till's sign-in) and the manager (PIN 258014), named on refunds and the one who takes each day's Z.
 */
export const LARGE_STORE_STAFF = [
  { code: '101', name: '王收银', role: 'cashier', pin: '4826' },
  { code: '102', name: 'Li Cashier', role: 'cashier', pin: '7315' },
  { code: '901', name: '店长 Manager', role: 'manager', pin: '258014' },
] as const;
/** The float each day's shift opens on: 2 x 100 + 4 x 20 + 10 x 1 + 10 x 0.5 yuan. */
export const DAY_FLOAT = { 'note-10000': 2, 'note-2000': 4, 'coin-100': 10, 'coin-50': 10 } as const;

/** The manager named on refunds (a real shop's approval is checked by main/staff; here it is a given). */
const MANAGER: Approver = {
  operatorId: 'bench-manager',
  code: '901',
  name: '店长 Manager',
  role: 'manager',
  permission: 'refund.issue',
  signedIn: null,
};

interface Services {
  readonly db: Database.Database;
  readonly carts: CartRepo;
  readonly cart: CartService;
  readonly tenderCash: ReturnType<typeof createCashTender>;
  readonly checkout: Checkout;
  readonly attempts: AttemptRepo;
  readonly refunds: RefundService;
  readonly newId: () => string;
  readonly shifts: ShiftService;
  /** who is signed in at the till (the generator's sign-in: the cashiers take turns) */
  signedIn: SignedInRef | null;
}

/** Builds the store; returns what it holds. */
export async function generateLargeStore(opts: LargeStoreOptions): Promise<LargeStoreSummary> {
  const t0 = performance.now();
  const rng = seededRng(opts.seed ?? 20261205);
  const perDay = opts.salesPerDay ?? 1_000;
  const perTx = opts.salesPerTransaction ?? 1_000;
  const startMs = (opts.startAt ?? new Date('2023-12-01T00:00:00Z')).getTime();
  let simMs = startMs + 8 * 3_600_000;
  const now = (): Date => new Date(simMs);
  const newId = (): string => seededTimeId(simMs, rng);

  fs.mkdirSync(opts.dataDir, { recursive: true });
  if (fs.existsSync(path.join(opts.dataDir, 'pos.sqlite'))) {
    throw new Error(`${opts.dataDir} already holds a store`);
  }
  fs.writeFileSync(path.join(opts.dataDir, CONFIG_FILE), JSON.stringify(LARGE_STORE_CONFIG, null, 2) + '\n');
  const { db } = await openStore({ dataDir: opts.dataDir, now, log: () => undefined });
  try {
    // A generator's choice, not the till's: a page cache big enough for a whole batch's dirty pages, so a
    // batch does not spill half-written pages into the WAL before its commit.
    db.pragma('cache_size = -262144');
    // Migration 015 opened business day 1 at the wall clock; the simulated shop's first day opens with its
    // history, so a day's instants (sales by hour, main/reports/hourly-figures.ts) hold its sales.
    db.prepare('UPDATE business_days SET opened_at = ? WHERE day_no = 1').run(
      new Date(startMs).toISOString(),
    );
    // As createHost does at every start; the demo catalog stands in for the shop's own import.
    syncTaxCategories(db, LARGE_STORE_CONFIG.taxCategories ?? DEFAULT_TAX_CATEGORIES);
    seedDemoCatalog(db, now);
    const staff = createStaff({ db, config: LARGE_STORE_CONFIG, now, newId, dataDir: opts.dataDir });
    const cashiers = LARGE_STORE_STAFF.filter((p) => p.role === 'cashier').map((p) => {
      const listed = staff.directory.addFromCommandLine(p).operators.find((o) => o.code === p.code);
      if (!listed) throw new Error(`cashier ${p.code} was not put on file`);
      return { operatorId: listed.operatorId, code: p.code };
    });
    staff.directory.addFromCommandLine(LARGE_STORE_STAFF[2]);
    const s = services(db, now, newId, staff.approvals);
    // Each evening the manager takes the Z (main/reports/z-close.ts): the figures computed on this connection
    // (the till computes them in its report worker: the same function), the day closed, its Z printed.
    const zClose: ZClose = createZClose({
      ...{ db, now, approvals: staff.approvals, enqueue: enqueueReportJob },
      till: {
        terminalId: LARGE_STORE_CONFIG.store.terminalId,
        storeName: LARGE_STORE_CONFIG.store.name,
        currency: LARGE_STORE_CONFIG.currency,
        training: false,
        timeZone: businessTimeZone(LARGE_STORE_CONFIG),
      },
      compute: (header) => Promise.resolve(computeReport(db, header)),
    });
    const manager = LARGE_STORE_STAFF[2];
    const jobs = createJobRepo(db);
    const outbox = createOutboxRepo(db);
    const maxJob = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM print_jobs');
    // The till's own housekeeping (main/store/idle-maintenance.ts runs these while it is idle), so the history
    // is what a shop running this code for years holds, not what it would hold had nothing ever been pruned.
    const housekeeping: MaintenanceTask[] = [
      printJobRetention(jobs),
      outboxRetention(outbox),
      cartCompaction(db, s.carts),
      receiptSearchMerge(db),
      journalCheckpointTask(db, (seq, reason) => {
        throw new Error(`the generated journal is broken at ${seq}: ${reason}`);
      }),
    ];

    const counts = {
      cash: 0,
      card: 0,
      qr: 0,
      refunds: 0,
      abandonedCarts: 0,
      lines: 0,
      weighedLines: 0,
      lineDiscounts: 0,
      orderDiscounts: 0,
    };
    let first: string | null = null;
    let last: string | null = null;
    const refundable: string[] = [];

    for (let done = 0; done < opts.sales;) {
      const batch = Math.min(perTx, opts.sales - done);
      const jobsBefore = maxJob.get()?.id ?? 0;
      db.exec('BEGIN IMMEDIATE');
      try {
        for (let i = 0; i < batch; i++, done++) {
          const n = done;
          // The day's first sale: the first cashier signs in and opens the drawer's shift on the float; half
          // way through the day the other cashier takes over the till (the shift is the drawer's, not theirs).
          if (n % perDay === 0) {
            simMs = startMs + Math.floor(n / perDay) * 86_400_000 + 8 * 3_600_000 - 600_000;
            s.signedIn = cashiers[Math.floor(n / perDay) % cashiers.length] ?? null;
            s.shifts.open(DEFAULT_DRAWER, DAY_FLOAT);
          }
          if (n % perDay === Math.floor(perDay / 2)) {
            s.signedIn = cashiers[(Math.floor(n / perDay) + 1) % cashiers.length] ?? null;
          }
          // Shop hours 08:00-20:00, evenly spread with a little jitter; each sale takes ~20 s at the till.
          simMs =
            startMs +
            Math.floor(n / perDay) * 86_400_000 +
            8 * 3_600_000 +
            Math.floor(((n % perDay) * 12 * 3_600_000) / perDay) +
            rng.int(0, 20_000);
          const sale = await oneSale(s, rng, counts, () => (simMs += rng.int(1_000, 4_000)));
          first ??= sale.completedAt;
          last = sale.completedAt;
          if (sale.cash) refundable.push(sale.saleId);
          // A few cash sales come back (about 3 in 1,000), a little later the same day.
          if (refundable.length > 0 && rng.chance(0.003)) {
            simMs += rng.int(60_000, 600_000);
            const [saleId] = refundable.splice(rng.int(0, refundable.length - 1), 1);
            if (saleId !== undefined) await refundOne(s, rng, saleId);
            counts.refunds++;
          }
          if (refundable.length > 200) refundable.splice(0, 100);
          // The day's last sale: the drawer is counted blind and the shift closed.
          if (n % perDay === perDay - 1 || n === opts.sales - 1) {
            simMs += 600_000;
            closeShift(s, now());
            simMs += 300_000;
            await zClose({ operatorCode: manager.code, pin: manager.pin });
          }
        }
        advanceWorkers(jobs, outbox, jobsBefore, maxJob.get()?.id ?? 0, rng, () => (simMs += 1_500));
        for (const task of housekeeping) while (task.step(now()) > 0);
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
      opts.onProgress?.(done, opts.sales);
    }
    // The day's last uploads too (a batch sends only what was due by its own clock): a till whose gateway was
    // reachable has nothing waiting, so a benchmark on this store measures selling, not a backlog being sent.
    if (last !== null) {
      const outbox = createOutboxRepo(db);
      db.transaction(() =>
        sendDue(outbox, new Date(Date.parse(last) + 86_400_000).toISOString()),
      ).immediate();
    }
    // Leave one file behind: what a till that was shut down cleanly leaves.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      sales: opts.sales,
      ...counts,
      firstSaleAt: first,
      lastSaleAt: last,
      ms: performance.now() - t0,
    };
  } finally {
    db.close();
  }
}

/** One card or QR payment of a day added by addPaymentDay: what the gateway was sent and answered. */
export interface DayPayment {
  /** the attempt id: the reference the till sent */
  readonly attemptId: string;
  readonly kind: 'card' | 'qr';
  readonly brand: string | null;
  readonly amountMinor: number;
  /** when the attempt was made (ISO-8601 UTC) */
  readonly at: string;
  /** the gateway's (or wallet's) own id for it */
  readonly gatewayId: string;
}

/**
 * A busy day of card and QR payments added to a generated store (any size), through the same write path as
 * the history: a cashier signs in, the drawer's shift opens, each sale (1-3 items) is paid by an approved card
 * (3 in 4) or QR payment, evenly spread from `from` over `hours`; then the shift is closed. Returns the
 * payments, in order, for a settlement to be built from.
 */
export async function addPaymentDay(opts: {
  readonly dataDir: string;
  readonly payments: number;
  readonly from: Date;
  readonly hours: number;
  readonly seed?: number;
}): Promise<DayPayment[]> {
  const rng = seededRng(opts.seed ?? 20261206);
  let simMs = opts.from.getTime() - 600_000;
  const now = (): Date => new Date(simMs);
  const newId = (): string => seededTimeId(simMs, rng);
  const { db } = await openStore({ dataDir: opts.dataDir, now, log: () => undefined });
  try {
    const staff = createStaff({ db, config: LARGE_STORE_CONFIG, now, newId, dataDir: opts.dataDir });
    const s = services(db, now, newId, staff.approvals);
    const cashier = createOperatorRepo(db, { now, newId }).byCode(LARGE_STORE_STAFF[0].code);
    if (!cashier) throw new Error(`${opts.dataDir}: cashier ${LARGE_STORE_STAFF[0].code} is not on file`);
    s.signedIn = { operatorId: cashier.id, code: cashier.code };
    // One outer transaction, as the generator batches (the services' own transactions become savepoints).
    db.exec('BEGIN IMMEDIATE');
    s.shifts.open(DEFAULT_DRAWER, DAY_FLOAT);
    const attemptOf = db.prepare<[string], DayPayment>(
      `SELECT id AS attemptId, kind, COALESCE(brand, qr_scheme) AS brand, amount_minor AS amountMinor,
         created_at AS at, gateway_id AS gatewayId FROM payment_attempts WHERE sale_id = ?`,
    );
    const spanMs = opts.hours * 3_600_000;
    const out: DayPayment[] = [];
    for (let n = 0; n < opts.payments; n++) {
      simMs = opts.from.getTime() + Math.floor((n * spanMs) / opts.payments);
      const tick = (): number => (simMs += rng.int(500, 1_500));
      let view: CartView | null = null;
      for (let k = rng.int(1, 3); k > 0; k--) view = s.cart.scan(rng.pick(PIECES));
      if (!view) throw new Error('no items scanned');
      const sale = rng.chance(0.75) ? approvedCard(s, rng, view, tick) : approvedQr(s, rng, view, tick);
      const paid = attemptOf.get(sale.saleId);
      if (!paid) throw new Error(`sale ${sale.saleId} has no payment attempt`);
      out.push(paid);
    }
    simMs += 600_000;
    closeShift(s, now());
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return out;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.close();
  }
}

/**
 * The evening's blind count: the drawer holds what it should, counted in the notes and coins there are (the
 * fen below 0.10 yuan make the small variance a real drawer has; within the threshold, so no sign-off).
 */
function closeShift(s: Services, at: Date): void {
  const live = s.shifts.current(DEFAULT_DRAWER);
  if (!live) return;
  const expected = expectedCashQuery(s.db)({
    shiftId: live.shiftId,
    floatMinor: live.floatMinor,
    from: live.openedAt,
    to: at.toISOString(),
  });
  const counts = countOf(live.currency, expected.expectedMinor);
  s.shifts.close(DEFAULT_DRAWER, counts);
}

/** `minor` laid out in the fewest notes and coins of `currency` (what is below the smallest coin is left out). */
export function countOf(currency: string, minor: number): Record<string, number> {
  let left = minor;
  const counts: Record<string, number> = {};
  for (const d of denominationsOf(currency)) {
    const k = Math.floor(left / d.minor);
    if (k > 0) counts[d.id] = k;
    left -= k * d.minor;
  }
  return counts;
}

function services(
  db: Database.Database,
  now: () => Date,
  newId: () => string,
  approvals: Parameters<typeof createShiftService>[0]['approvals'],
): Services {
  const cfg = LARGE_STORE_CONFIG;
  const settings: SaleSettings = {
    currency: cfg.currency,
    pricingMode: cfg.pricingMode,
    taxRounding: cfg.taxRounding,
    trainingMode: cfg.trainingMode,
    terminalId: cfg.store.terminalId,
  };
  const catalog = createSaleCatalog(db, cfg.variableMeasureRules);
  const carts = createCartRepo(db, { now, newId });
  const sales = createSaleRepo(db, () => catalog.taxCategoryNames());
  const attempts = createAttemptRepo(db, { now });
  const assertUnlocked = (cartId: string): void => {
    const a = attempts.blockingFor(cartId);
    if (a) throw new Error(`cart ${cartId} is locked by payment ${a.id}`);
  };
  const self = { signedIn: null as SignedInRef | null };
  const shifts = createShiftService({
    ...{ db, now, newId, currency: cfg.currency, limits: cashLimits(cfg), approvals },
    signedIn: () => self.signedIn,
  });
  const till = createTillGate({
    training: cfg.trainingMode,
    signedIn: () => self.signedIn,
    openShiftId: () => shifts.openId(DEFAULT_DRAWER),
  });
  const cart = createCartService({
    db,
    carts,
    catalog,
    settings,
    newId,
    now,
    locks: { assertUnlocked },
    till,
  });
  const checkout = createCheckout({
    db,
    carts,
    sales,
    catalog,
    settings,
    now,
    newId,
    kickDrawerOnCash: true,
    locks: { assertUnlocked },
    till,
  });
  const tenderCash = createCashTender({ db, checkout });
  const refunds = createRefundService({
    db,
    refunds: createRefundRepo(db),
    sales,
    attempts,
    gateway: () => null,
    connectivity: { online: () => false, report: () => undefined },
    settings,
    now,
    newId,
    onQueued: () => undefined,
    till,
  });
  // `signedIn` lives on the returned object so the generator can change who is at the till.
  return Object.assign(self, { db, carts, cart, tenderCash, checkout, attempts, refunds, newId, shifts });
}

type Counts = {
  cash: number;
  card: number;
  qr: number;
  abandonedCarts: number;
  lines: number;
  weighedLines: number;
  lineDiscounts: number;
  orderDiscounts: number;
};

/** Fills a cart as a cashier would and completes it with cash, card or QR. */
async function oneSale(
  s: Services,
  rng: Rng,
  counts: Counts,
  tick: () => number,
): Promise<{ saleId: string; completedAt: string; cash: boolean }> {
  // About 1 cart in 100 is cleared with items on it first (journalled as abandoned).
  if (rng.chance(0.01)) {
    s.cart.scan(rng.pick(PIECES));
    tick();
    s.cart.clear();
    counts.abandonedCarts++;
  }
  let view: CartView | null = null;
  // 1-10 items, mostly 2-4.
  const items = Math.min(10, 1 + Math.floor(-Math.log(1 - rng.next()) * 2.2));
  for (let k = 0; k < items; k++) {
    tick();
    const r = rng.next();
    if (r < 0.08) {
      // A scale label (21 IIIII WWWWW C): the weight is on the label.
      const w = rng.pick(WEIGHED);
      view = s.cart.scan(demoScaleLabel(w.key, rng.int(150, 2_500)));
      counts.weighedLines++;
    } else if (r < 0.1) {
      // A weighed item found by search, its weight keyed in (kg quantity).
      view = s.cart.addProduct(rng.pick(WEIGHED).productId, rng.int(200, 3_000));
      counts.weighedLines++;
    } else {
      view = s.cart.scan(rng.pick(PIECES));
      if (rng.chance(0.03) && view.lastLineId)
        view = s.cart.setQuantity(view.lastLineId, rng.int(2, 6) * 1000);
    }
    const lastLineId = view.lastLineId;
    if (rng.chance(0.06) && lastLineId) {
      const line = view.lines.find((l) => l.lineId === lastLineId);
      const discount: Discount =
        rng.chance(0.7) || !line || line.grossMinor < 20
          ? { kind: 'percent', bp: rng.pick([500, 1000, 2000]) }
          : { kind: 'amount', minor: Math.max(1, Math.floor(line.grossMinor / 10)) };
      view = s.cart.setLineDiscount(lastLineId, discount);
      counts.lineDiscounts++;
    }
  }
  if (!view) throw new Error('no items scanned');
  if (rng.chance(0.04)) {
    view = s.cart.setOrderDiscount(
      rng.chance(0.5) || view.totals.totalMinor < 1_000
        ? { kind: 'percent', bp: 500 }
        : { kind: 'amount', minor: 100 },
    );
    counts.orderDiscounts++;
  }
  counts.lines += view.lines.length;
  tick();
  // A sale discounted to nothing can only be closed as cash (a payment needs an amount).
  const kind = view.totals.totalMinor === 0 ? 0 : rng.next();
  if (kind < 0.6) {
    const total = view.totals.totalMinor;
    const note = rng.pick([1, 1000, 2000, 5000, 10_000]);
    const sale = s.tenderCash({
      cartId: view.cartId,
      cartVersion: view.version,
      tenderedMinor: note === 1 ? total : Math.ceil(Math.max(total, 1) / note) * note,
    });
    counts.cash++;
    return { saleId: sale.saleId, completedAt: sale.completedAt, cash: true };
  }
  const sale = kind < 0.9 ? approvedCard(s, rng, view, tick) : approvedQr(s, rng, view, tick);
  if (kind < 0.9) counts.card++;
  else counts.qr++;
  return { saleId: sale.saleId, completedAt: sale.completedAt, cash: false };
}

/**
 * An online card payment that the gateway approved: created (key committed) -> authorizing (request body
 * committed) -> approved with the sale, as card-payments.ts settleApproved does, in one transaction.
 */
function approvedCard(s: Services, rng: Rng, view: CartView, tick: () => number) {
  const { db, attempts } = s;
  const b = rng.pick(CARD_BRANDS);
  const facts: CardFacts = {
    brand: b.brand,
    bin: b.bin,
    last4: String(rng.int(0, 9999)).padStart(4, '0'),
    expiry: `${rng.int(27, 31)}${String(rng.int(1, 12)).padStart(2, '0')}`,
  };
  const entryMode = rng.pick(ENTRY);
  const a = db
    .transaction(() =>
      attempts.insert({
        id: seededTimeId(tick(), rng),
        kind: 'card',
        mode: 'online',
        cartId: view.cartId,
        cartVersion: view.version,
        amountMinor: view.totals.totalMinor,
        currency: view.currency,
      }),
    )
    .immediate();
  const body = {
    reference: a.id,
    amountMinor: a.amountMinor,
    currency: a.currency,
    capture: true,
    entryMode,
    card: { kind: 'dukpt', scheme: 'tdes', variant: 'data', ksn: rng.hex(20), track2: rng.hex(48) },
    cardFacts: facts,
  };
  db.transaction(() =>
    attempts.move(a.id, 'created', 'authorizing', {
      entryMode,
      card: facts,
      requestBody: JSON.stringify(body),
    }),
  ).immediate();
  const at = new Date(tick()).toISOString();
  const gatewayId = `pay_${rng.hex(24)}`;
  const authCode = String(rng.int(0, 999_999)).padStart(6, '0');
  return settleApproved(s, view, at, {
    attemptId: a.id,
    moveTo: { gatewayId, authCode, responseCode: '00', message: 'approved' },
    tender: () => ({ kind: 'card', brand: facts.brand, last4: facts.last4, authCode }),
    journal: (moved) => ({ gatewayId, last4: moved.card?.last4 ?? null }),
  });
}

/** A QR (payment code) payment that succeeded at once, as qr-payments.ts approve() records it. */
function approvedQr(s: Services, rng: Rng, view: CartView, tick: () => number) {
  const { db, attempts } = s;
  const q = rng.pick(QR);
  const code = q.prefix + rng.hex(16).replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10));
  const a = db
    .transaction(() => {
      const created = attempts.insert({
        id: seededTimeId(tick(), rng),
        kind: 'qr',
        mode: 'online',
        cartId: view.cartId,
        cartVersion: view.version,
        amountMinor: view.totals.totalMinor,
        currency: view.currency,
      });
      return attempts.move(created.id, 'created', 'authorizing', {
        qrScheme: q.scheme,
        qrCodeMasked: maskPaymentCode(code),
      });
    })
    .immediate();
  const at = new Date(tick()).toISOString();
  const orderId = `qr_${rng.hex(24)}`;
  return settleApproved(s, view, at, {
    attemptId: a.id,
    moveTo: { gatewayId: orderId, message: 'SUCCESS' },
    tender: (moved) => ({ kind: 'qr', brand: moved.qrScheme, last4: null, authCode: null }),
    journal: (moved) => ({ scheme: moved.qrScheme, gatewayId: orderId }),
  });
}

/**
 * The approval's one transaction, as card-payments.ts / qr-payments.ts record it: the attempt moves to
 * approved, the SaleWriter writes the sale with the attempt's tender, the attempt is linked to it, and the
 * `payment.approved` journal entry is added.
 */
function settleApproved(
  s: Services,
  view: CartView,
  at: string,
  o: {
    readonly attemptId: string;
    readonly moveTo: Parameters<AttemptRepo['move']>[3];
    readonly tender: (moved: Attempt) => Pick<PaymentTenderInput, 'kind' | 'brand' | 'last4' | 'authCode'>;
    readonly journal: (moved: Attempt) => Record<string, unknown>;
  },
) {
  const { db, attempts } = s;
  return db
    .transaction(() => {
      const moved = attempts.move(o.attemptId, 'authorizing', 'approved', o.moveTo);
      const held = { cartId: view.cartId, cartVersion: view.version, attemptId: moved.id };
      const sale = s.checkout.complete(s.checkout.openHeld(held), [
        {
          ...o.tender(moved),
          amountMinor: moved.amountMinor,
          reference: moved.id,
          storedOffline: false,
          attemptId: moved.id,
        },
      ]);
      attempts.attachSale(moved.id, sale.saleId);
      appendJournal(db, {
        at,
        kind: 'payment.approved',
        ref: moved.id,
        body: {
          attemptId: moved.id,
          saleId: sale.saleId,
          amountMinor: moved.amountMinor,
          ...o.journal(moved),
        },
      });
      return sale;
    })
    .immediate();
}

/** A cash refund of the sale's first line, all of it, approved by the manager. */
async function refundOne(s: Services, rng: Rng, saleId: string): Promise<void> {
  const prep = s.refunds.prepare(saleId);
  const line = prep.lines.find((l) => l.remainingQtyMilli > 0);
  if (!line || prep.blocked) return;
  const reason: RefundReason = rng.pick(REFUND_REASONS);
  await s.refunds.issue(
    {
      refundId: s.newId(),
      saleId,
      lines: [{ lineNo: line.lineNo, qtyMilli: line.remainingQtyMilli }],
      reason,
    },
    () => MANAGER,
  );
}

/**
 * What the print and sync workers would have done by the end of the batch: every new print job printed (a few
 * after a "paper out" wait, so some rows carry an error), every due outbox row sent.
 */
function advanceWorkers(
  jobs: ReturnType<typeof createJobRepo>,
  outbox: ReturnType<typeof createOutboxRepo>,
  fromId: number,
  toId: number,
  rng: Rng,
  tick: () => number,
): void {
  for (let id = fromId + 1; id <= toId; id++) {
    const job = jobs.byId(id);
    if (!job || job.state !== 'queued') continue;
    const at = (): string => new Date(Math.max(tick(), Date.parse(job.createdAt) + 1_000)).toISOString();
    if (rng.chance(0.002)) {
      const when = at();
      jobs.move(id, 'waiting', { at: when, error: 'paper out', nextAttemptAt: when });
      jobs.move(id, 'queued', { at: at() });
    }
    jobs.move(id, 'printing', { at: at(), countAttempt: true });
    jobs.move(id, 'printed', { at: at(), error: null });
  }
  sendDue(outbox, new Date(tick() + 3_600_000).toISOString());
}

/** Every outbox row due by `nowIso` claimed and finished `sent`, as the sync worker does. */
function sendDue(outbox: ReturnType<typeof createOutboxRepo>, nowIso: string): void {
  for (let due = outbox.claimDue(nowIso, 500); due.length > 0; due = outbox.claimDue(nowIso, 500)) {
    outbox.finish(
      due.map((r) => ({ key: r.key, to: 'sent' as const })),
      nowIso,
    );
  }
}
