// What the receipt layout prints from. A completed SaleView is a ReceiptSale as is; the tender type also takes
// the narrower shapes a receipt JSON file (docs/receipt-json.md) carries.
import type { MonoBitmap } from '../../native/escpos/encode/raster';
import type { Locale, SaleView, TenderView } from '../api/contract';

export interface CashTender {
  readonly kind: 'cash';
  readonly amountMinor: number;
  readonly tenderedMinor: number;
  readonly changeMinor: number;
}

export interface CardTender {
  readonly kind: 'card' | 'qr';
  readonly amountMinor: number;
  /** card brand ('visa', 'unionpay', ...) or QR scheme ('wechat', 'alipay'); printed only when known */
  readonly brand: string | null;
  /** last four digits of the PAN; never more */
  readonly last4: string | null;
}

export type ReceiptTender = TenderView | CashTender | CardTender;

export type ReceiptSale = Omit<SaleView, 'tenders' | 'saleId'> & {
  readonly saleId?: string;
  readonly tenders: readonly ReceiptTender[];
};

export interface ReceiptStore {
  readonly name: string;
  readonly nameEn: string | null;
  readonly address: string | null;
  readonly taxNumber: string | null;
  readonly terminalId?: string | null;
  /** printed centred at the top of the header when set (main/printing/logo.ts) */
  readonly logo?: MonoBitmap | null;
}

export interface ReceiptLayoutOptions {
  /** font-A columns: 32 on 58 mm paper, 48 on 80 mm */
  readonly widthColumns: 32 | 48;
  readonly locale: Locale;
  /** a reprint: marked 重印 / COPY at the top and the bottom */
  readonly copy: boolean;
  /** e-receipt address printed as a QR code; none when null */
  readonly lookupUrl: string | null;
  /** IANA zone the completion time is printed in; default the contract's DEFAULT_STORE_TIME_ZONE */
  readonly timeZone?: string;
  /**
   * Print amounts with the full-width ￥ (default). Printers without a Chinese font cannot print it, but
   * their code pages have the half-width ¥, so the caller turns this off for them.
   */
  readonly fullWidthYen?: boolean;
}
