// The channels the printing capability answers: reprints, training mode's receipt picture, the no-sale
// drawer and the printer's status.
import type { Handlers } from '../ipc/dispatcher';
import type { SaleRepo } from '../sale/sale-repo';
import type { Approvals } from '../staff/approvals';
import type { Printing } from './printing-runtime';

export type PrintingChannels =
  'sale.receiptImage' | 'sale.reprintLast' | 'sale.reprint' | 'drawer.open' | 'printer.status';

export interface PrintingHandlerDeps {
  readonly printing: Pick<Printing, 'reprints' | 'openDrawer' | 'receiptImages' | 'worker'>;
  readonly sales: Pick<SaleRepo, 'require'>;
  readonly approvals: Approvals;
}

export function printingHandlers(d: PrintingHandlerDeps): Pick<Handlers, PrintingChannels> {
  const { reprints, openDrawer, receiptImages, worker } = d.printing;
  return {
    'sale.receiptImage': ({ saleId }) => {
      d.sales.require(saleId);
      return { png: receiptImages?.forSale(saleId) ?? null };
    },
    'sale.reprintLast': () => reprints.reprintLast(),
    'sale.reprint': ({ saleId, approval }) => {
      // Checked before the approval, so a typo'd sale does not cost the manager a PIN attempt.
      d.sales.require(saleId);
      return reprints.reprint(saleId, d.approvals.approve('receipt.reprintAny', approval));
    },
    'drawer.open': ({ reason, approval }) =>
      openDrawer(reason, d.approvals.approve('drawer.noSale', approval)),
    'printer.status': () => {
      const s = worker.status();
      return {
        state: s.state,
        problem: s.problem,
        queue: { waiting: s.waiting, printing: s.printing },
        lastError: s.lastError,
        drawerOpen: s.drawerSensor,
      };
    },
  };
}
