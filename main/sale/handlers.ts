// The cart.* and sale.* channels the sale capability answers itself (reprints and the receipt image are the
// printing capability's: main/printing/handlers.ts).
import type { Handlers } from '../ipc/dispatcher';
import type { WorkSignal } from '../store/work-signal';
import type { CartService } from './cart-service';
import type { SaleRepo } from './sale-repo';
import type { TenderCashInput } from './tender-cash';
import type { Approval, SaleView } from '../api/contract';
import type { Approvals } from '../staff/approvals';

export type SaleChannels =
  | 'cart.get'
  | 'cart.scan'
  | 'cart.addProduct'
  | 'cart.setQuantity'
  | 'cart.removeLine'
  | 'cart.setLineDiscount'
  | 'cart.setOrderDiscount'
  | 'cart.clear'
  | 'sale.tenderCash'
  | 'sale.get'
  | 'sale.last'
  | 'sale.history';

export interface SaleHandlerDeps {
  readonly cart: CartService;
  readonly sales: Pick<SaleRepo, 'require' | 'last' | 'history'>;
  readonly tenderCash: (input: TenderCashInput) => SaleView;
  /** the cash sale queued its receipt (and drawer kick) and its upload */
  readonly work: Pick<WorkSignal, 'queued'>;
  /** a discount over the limit carries an approval (main/sale/discount-limit.ts) */
  readonly approvals: Approvals;
}

/** A completed sale by id, or NOT_FOUND. */

export function saleHandlers({
  cart,
  sales,
  tenderCash,
  work,
  approvals,
}: SaleHandlerDeps): Pick<Handlers, SaleChannels> {
  // Checked before the cart's transaction: a refused PIN is journalled and counted whatever the cart does.
  const approver = (approval: Approval | undefined) =>
    approval ? approvals.approve('discount.overLimit', approval) : null;
  return {
    'cart.get': () => cart.get(),
    'cart.scan': ({ code }) => cart.scan(code),
    'cart.addProduct': ({ productId, qtyMilli }) => cart.addProduct(productId, qtyMilli),
    'cart.setQuantity': ({ lineId, qtyMilli }) => cart.setQuantity(lineId, qtyMilli),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.setLineDiscount': ({ lineId, discount, approval }) =>
      cart.setLineDiscount(lineId, discount, approver(approval)),
    'cart.setOrderDiscount': ({ discount, approval }) => cart.setOrderDiscount(discount, approver(approval)),
    'cart.clear': () => cart.clear(),
    'sale.tenderCash': (input) => {
      const sale = tenderCash(input);
      work.queued();
      return sale;
    },
    'sale.get': ({ saleId }) => sales.require(saleId),
    'sale.last': () => sales.last(),
    'sale.history': (q) => sales.history(q),
  };
}
