// The cart.* and sale.* channels the sale capability answers itself (reprints and the receipt image are the
// printing capability's: main/printing/handlers.ts).
import type { Handlers } from '../ipc/dispatcher';
import type { WorkSignal } from '../store/work-signal';
import type { CartService } from './cart-service';
import type { SaleRepo } from './sale-repo';
import type { TenderCashInput } from './tender-cash';
import type { SaleView } from '../api/contract';

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
}

/** A completed sale by id, or NOT_FOUND. */

export function saleHandlers({
  cart,
  sales,
  tenderCash,
  work,
}: SaleHandlerDeps): Pick<Handlers, SaleChannels> {
  return {
    'cart.get': () => cart.get(),
    'cart.scan': ({ code }) => cart.scan(code),
    'cart.addProduct': ({ productId, qtyMilli }) => cart.addProduct(productId, qtyMilli),
    'cart.setQuantity': ({ lineId, qtyMilli }) => cart.setQuantity(lineId, qtyMilli),
    'cart.removeLine': ({ lineId }) => cart.removeLine(lineId),
    'cart.setLineDiscount': ({ lineId, discount }) => cart.setLineDiscount(lineId, discount),
    'cart.setOrderDiscount': ({ discount }) => cart.setOrderDiscount(discount),
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
