// What every settlement source is read into (the gateway's GET /v1/settlements/{date}, its JSON or CSV file,
// WeChat Pay's trade bill, Alipay's trade detail file): one row per charge, refund or fee, in minor units, with
// the line it came from so a refusal or a difference can point at it. The matcher (match.ts) sees only this.
export const SETTLEMENT_SOURCES = ['gateway', 'wechat', 'alipay'] as const;
export type SettlementSource = (typeof SETTLEMENT_SOURCES)[number];

export type SettlementEntryKind = 'charge' | 'refund' | 'fee';

export interface SettlementRow {
  /** 1-based line of the file it was read from (the gateway's API answer: the item's index + 1) */
  readonly line: number;
  readonly source: SettlementSource;
  readonly kind: SettlementEntryKind;
  /**
   * The reference the till sent with the payment (the attempt id; WeChat `out_trade_no`, Alipay 商户订单号);
   * null when the source reports none (then matched by amount and time)
   */
  readonly reference: string | null;
  /** the wallet's or gateway's own transaction id (WeChat 微信订单号, Alipay 支付宝交易号) */
  readonly providerId: string;
  /** for a refund: the provider's refund id; otherwise null */
  readonly refundId: string | null;
  readonly tender: 'card' | 'qr';
  /** card brand or QR wallet ('wechat', 'alipay', 'unionpay', 'visa', ...) when the source says */
  readonly brand: string | null;
  /** always positive: what moved, in minor units (fen) */
  readonly amountMinor: number;
  /** the provider's fee on this row (minor units, >= 0) */
  readonly feeMinor: number;
  /** when it happened, ISO-8601 UTC */
  readonly at: string;
  /** the provider's own status word, kept for the manager (e.g. SUCCESS, REFUND, REVOKED) */
  readonly status: string;
  /** the terminal or device the provider names, if any */
  readonly terminalId: string | null;
}

/** A file's own totals (its summary rows), checked against its rows before anything is kept. */
export interface SettlementSummary {
  readonly rows: number;
  readonly chargedMinor: number;
  readonly refundedMinor: number;
  readonly feeMinor: number;
}
