// Reconciling a day: a source's rows stored (settlement-store.ts), matched against the till's side of the
// same calendar day in the gateway's business time zone (match.ts), the items stored (recon-items.ts), and
// the day's view assembled (totals, breakdown, the shifts' cash counts).
import { createHash } from 'node:crypto';
import type { ReconDayView } from '../api/contract/reconciliation';
import type { GatewayClient } from '../gateway/client';
import type { Database } from '../store/db';
import { breakdown } from './breakdown';
import { cashCounts } from './cash-counts';
import { cashierNames } from './cashier-names';
import { dayWindow } from './day-window';
import { settlementRows } from './formats/gateway-rows';
import { readLocalSide } from './local-reader';
import { matchDay } from './match';
import { mergeSources } from './merge-sources';
import { createItemDetail } from './item-detail';
import { createReconItems } from './recon-items';
import { createResolver } from './resolve-item';
import { createSettlementStore, type ImportInput, type ImportOutcome } from './settlement-store';
import { settlementTotals } from './settlement-totals';

export interface ReconciliationDeps {
  readonly db: Database;
  readonly now: () => Date;
  readonly newId: () => string;
  /** the gateway's business time zone: its settlement of a date is that calendar day there */
  readonly timeZone: string;
  /** the till's mode: which of its sales (training or live) the gateway knows */
  readonly training: boolean;
}

export type FetchOutcome =
  | { readonly kind: 'fetched'; readonly imported: ImportOutcome; readonly rows: number }
  | { readonly kind: 'failed'; readonly reason: string };

export const sha256Of = (bytes: string | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export function createReconciliation(deps: ReconciliationDeps) {
  const settlements = createSettlementStore(deps.db, deps);
  const items = createReconItems(deps.db, deps);
  const resolver = createResolver(deps.db, deps);
  const item = createItemDetail(deps.db);

  function view(day: string): ReconDayView {
    const w = dayWindow(day, deps.timeZone);
    const rows = mergeSources(settlements.rowsOf(day));
    return {
      day,
      imports: settlements.importsOf(day),
      rows: rows.length,
      totals: settlementTotals(rows),
      items: items.ofDay(day),
      breakdown: breakdown(rows, readLocalSide(deps.db, w, deps.training), cashierNames(deps.db)),
      cash: cashCounts(deps.db, w),
      ...resolver.status(day),
    };
  }

  /** matches the day's current settlement rows again and stores the items */
  function reconcile(day: string): ReconDayView {
    const rows = mergeSources(settlements.rowsOf(day));
    items.replace(day, matchDay(rows, readLocalSide(deps.db, dayWindow(day, deps.timeZone), deps.training)));
    return view(day);
  }

  return {
    view,
    reconcile,
    /** everything known about one difference (item-detail.ts) */
    item,
    /** resolving one difference (resolve-item.ts): check before asking for an approval, then resolve */
    resolver,
    importRows(input: ImportInput): ImportOutcome {
      return settlements.save(input);
    },
    /** the gateway's settlement of `day`, stored as the day's gateway import (never throws) */
    async fetch(client: GatewayClient, day: string): Promise<FetchOutcome> {
      const answer = await client.settlement(day);
      if (answer.kind !== 'ok') {
        const reason = answer.kind === 'rejected' ? `${answer.code}: ${answer.message}` : answer.reason;
        return { kind: 'failed', reason: `${answer.kind}: ${reason}` };
      }
      let rows;
      try {
        rows = settlementRows(answer.value).rows;
      } catch (e) {
        // The gateway answered something its own totals disagree with: keep nothing, say why.
        return { kind: 'failed', reason: (e as Error).message };
      }
      const imported = settlements.save({
        day,
        source: 'gateway',
        fileName: null,
        sha256: sha256Of(JSON.stringify(answer.value)),
        rows,
        importedBy: null,
      });
      return { kind: 'fetched', imported, rows: rows.length };
    },
  };
}

export type Reconciliation = ReturnType<typeof createReconciliation>;
