// The payment gateway's wire protocol, declared once and used by both sides: the app's gateway client
// (main/gateway/client.ts) and the sandbox gateway (main/gateway/sandbox/). docs/gateway-openapi.yaml
// is the same protocol written for people and other implementations; test/main/gateway/sandbox/openapi.test.ts keeps
// the two in step. All money is integer minor units; no body ever carries a clear card number or track.
import { z } from 'zod';
import { CARD_BRANDS, type CardFacts } from '../../../native/card/card-facts';

export const API_VERSION = 'v1';

const minor = z.int().min(1).max(99_999_999_999);
const currency = z.string().regex(/^[A-Z]{3}$/);
/** The client's reference for one payment attempt; also what it is looked up by after an unknown outcome. */
export const ReferenceSchema = z.string().regex(/^[A-Za-z0-9._:-]{8,64}$/);
const hex = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9A-F]*$/)
    .min(min)
    .max(max);
const b64url = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/)
    .min(1)
    .max(max);
const instant = z.iso.datetime({ offset: false });

/** The card brands, as the readers report them (native/card/card-facts.ts). */
export const BrandSchema = z.enum(CARD_BRANDS);

/** What the POS may keep and show: never more than BIN and last four (PCI DSS 3.4.1). */
export const CardFactsSchema = z.strictObject({
  brand: BrandSchema,
  bin: z.string().regex(/^\d{6}(\d{2})?$/),
  last4: z.string().regex(/^\d{4}$/),
  /** YYMM */
  expiry: z.string().regex(/^\d{4}$/),
});
// The one CardFacts is declared beside the readers; the schema must accept exactly that shape (a compile error
// here when the two drift apart).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const cardFactsMatch: Same<z.infer<typeof CardFactsSchema>, CardFacts> = true;
void cardFactsMatch;
export type { CardBrand, CardFacts } from '../../../native/card/card-facts';

export const ENTRY_MODES = ['swipe', 'wedge-swipe', 'chip', 'contactless', 'keyed'] as const;
export const EntryModeSchema = z.enum(ENTRY_MODES);
export type EntryMode = z.infer<typeof EntryModeSchema>;

/** Tracks encrypted by the reader under DUKPT; the POS only forwards them with the KSN. */
export const DukptCardDataSchema = z.strictObject({
  kind: z.literal('dukpt'),
  scheme: z.enum(['tdes', 'aes128']),
  variant: z.enum(['pin', 'data']),
  /**
   * The block cipher of the tracks when it is not the scheme's own: a TDES DUKPT key driving AES-128 (an ID
   * TECH reader set to AES with a TDES key). Absent: TDES for 'tdes', AES for 'aes128'.
   */
  cipher: z.literal('aes').optional(),
  /** 20 hex (TDES, 10 bytes) or 24 hex (AES, 12 bytes) */
  ksn: hex(20, 24),
  track1: hex(16, 512).optional(),
  track2: hex(16, 256).optional(),
  readerSerial: z.string().max(32).optional(),
});

/** Clear tracks from a keyboard-wedge reader, sealed at once to the gateway's public key (main/gateway/envelope). */
export const EnvelopeCardDataSchema = z.strictObject({
  kind: z.literal('envelope'),
  envelope: z.strictObject({
    v: z.literal(1),
    alg: z.literal('RSA-OAEP-256+A256GCM'),
    kid: b64url(128),
    wrappedKey: b64url(2048),
    iv: b64url(32),
    ciphertext: b64url(4096),
    tag: b64url(32),
  }),
});

export const CardDataSchema = z.discriminatedUnion('kind', [DukptCardDataSchema, EnvelopeCardDataSchema]);
export type CardData = z.infer<typeof CardDataSchema>;

export const AuthorizeRequestSchema = z.strictObject({
  reference: ReferenceSchema,
  amountMinor: minor,
  currency,
  /** true: a sale (authorize and capture at once); false: authorize only */
  capture: z.boolean(),
  entryMode: EntryModeSchema,
  card: CardDataSchema,
  cardFacts: CardFactsSchema,
  /** the POS sale this pays for (its receipt number), for the settlement report */
  saleRef: z.string().max(64).optional(),
  /** set when the payment was taken offline and is being forwarded now */
  storedOffline: z
    .strictObject({
      storedAt: instant,
      /** the POS's forward deadline; the gateway declines a forward that arrives after it */
      deadline: instant,
    })
    .optional(),
});
export type AuthorizeRequest = z.infer<typeof AuthorizeRequestSchema>;

export const PAYMENT_STATUSES = ['approved', 'declined', 'referral', 'voided', 'refunded'] as const;
export const PaymentSchema = z.strictObject({
  paymentId: z.string().min(1).max(64),
  reference: ReferenceSchema,
  status: z.enum(PAYMENT_STATUSES),
  amountMinor: minor,
  currency,
  captured: z.boolean(),
  /** approvals only */
  authCode: z.string().max(12).nullable(),
  /** ISO 8583-style response code: '00' approved, '05' do not honour, '51' insufficient funds, ... */
  responseCode: z.string().max(4),
  message: z.string().max(200),
  brand: BrandSchema,
  last4: z.string().regex(/^\d{4}$/),
  refundedMinor: z.int().min(0),
  createdAt: instant,
});
export type Payment = z.infer<typeof PaymentSchema>;

export const CaptureRequestSchema = z.strictObject({ amountMinor: minor });
export const VoidRequestSchema = z.strictObject({ reason: z.string().min(1).max(80) });
export const RefundRequestSchema = z.strictObject({
  reference: ReferenceSchema,
  amountMinor: minor,
  reason: z.string().min(1).max(80),
});
export const RefundSchema = z.strictObject({
  refundId: z.string().min(1).max(64),
  paymentId: z.string().min(1).max(64),
  reference: ReferenceSchema,
  status: z.enum(['succeeded', 'failed']),
  amountMinor: minor,
  message: z.string().max(200),
  createdAt: instant,
});
export type Refund = z.infer<typeof RefundSchema>;

export const QR_SCHEMES = ['wechat', 'alipay', 'unionpay'] as const;
export const QrSchemeSchema = z.enum(QR_SCHEMES);
export type QrScheme = z.infer<typeof QrSchemeSchema>;

/** The customer shows a payment code, the cashier scans it ("micropay" / 付款码支付). */
export const MicropayRequestSchema = z.strictObject({
  reference: ReferenceSchema,
  amountMinor: minor,
  currency,
  scheme: QrSchemeSchema,
  /** the customer's one-time payment code, as scanned */
  authCode: z.string().regex(/^\d{16,24}$/),
  subject: z.string().min(1).max(64),
  saleRef: z.string().max(64).optional(),
});
export type MicropayRequest = z.infer<typeof MicropayRequestSchema>;

export const QR_STATUSES = ['user_paying', 'success', 'failed', 'closed', 'reversed'] as const;
export const QrOrderSchema = z.strictObject({
  orderId: z.string().min(1).max(64),
  reference: ReferenceSchema,
  scheme: QrSchemeSchema,
  status: z.enum(QR_STATUSES),
  amountMinor: minor,
  currency,
  message: z.string().max(200),
  createdAt: instant,
  /** set once paid */
  paidAt: instant.nullable(),
});
export type QrOrder = z.infer<typeof QrOrderSchema>;

export const SettlementSchema = z.strictObject({
  businessDate: z.iso.date(),
  terminalId: z.string().min(1).max(32),
  currency,
  payments: z.array(
    z.strictObject({
      kind: z.enum(['card', 'qr']),
      id: z.string(),
      reference: ReferenceSchema,
      saleRef: z.string().nullable(),
      status: z.string(),
      amountMinor: minor,
      refundedMinor: z.int().min(0),
      brandOrScheme: z.string(),
      last4: z.string().nullable(),
      storedOffline: z.boolean(),
      at: instant,
      /** what the acquirer charged the merchant for this payment (0 when nothing), shown apart from sales */
      feeMinor: z.int().min(0),
    }),
  ),
  totals: z.strictObject({
    count: z.int().min(0),
    approvedMinor: z.int().min(0),
    refundedMinor: z.int().min(0),
    netMinor: z.int(),
  }),
});
export type Settlement = z.infer<typeof SettlementSchema>;

/**
 * A completed sale, uploaded from the outbox so the gateway's ledger can be reconciled against the shop's
 * journal (every acknowledged sale exactly once on each side). Idempotent by `sale:<saleId>`.
 */
export const SaleUploadSchema = z.strictObject({
  saleId: z.string().min(1).max(64),
  receiptNo: z.string().min(1).max(64),
  completedAt: instant,
  currency,
  totalMinor: z.int().min(0),
  training: z.boolean(),
  tenders: z
    .array(
      z.strictObject({
        kind: z.enum(['cash', 'card', 'qr']),
        amountMinor: z.int().min(0),
        /** the payment attempt's reference for card and QR tenders */
        reference: ReferenceSchema.nullable(),
      }),
    )
    .min(1)
    .max(20),
});
export type SaleUpload = z.infer<typeof SaleUploadSchema>;
export const SaleReceiptSchema = z.strictObject({
  saleId: z.string(),
  receivedAt: instant,
});

export const HeartbeatRequestSchema = z.strictObject({
  appVersion: z.string().max(32),
  pendingCount: z.int().min(0),
  pendingMinor: z.int().min(0),
  oldestPendingAt: instant.nullable(),
});
export const HeartbeatSchema = z.strictObject({
  serverTime: instant,
  terminalStatus: z.enum(['active', 'suspended']),
});

/** The signed no-op: proves the secret, the TLS pin and the answer signature, and gives the gateway's clock. */
export const PingSchema = z.strictObject({ serverTime: instant });
export type Ping = z.infer<typeof PingSchema>;

export const CardKeySchema = z.strictObject({
  kid: b64url(128),
  alg: z.literal('RSA-OAEP-256+A256GCM'),
  publicKeyPem: z.string().min(100).max(4096),
});
export type CardKey = z.infer<typeof CardKeySchema>;

export const GATEWAY_ERROR_CODES = [
  'invalid_request', // the body or a parameter does not match the schema
  'unauthenticated', // unknown terminal or bad signature
  'stale_timestamp', // X-Timestamp outside the allowed window
  'replayed_nonce', // X-Nonce already seen within the window
  'idempotency_conflict', // the Idempotency-Key was used with a different request
  'idempotency_key_required',
  'not_found',
  'card_unreadable', // the card data could not be decrypted or parsed
  'deadline_passed', // a stored-offline payment forwarded after its deadline
  'online_only', // e.g. a refund or QR payment of a stored payment
  'terminal_suspended',
  'internal',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
export const GatewayErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.enum(GATEWAY_ERROR_CODES), message: z.string() }),
});
export type GatewayError = z.infer<typeof GatewayErrorSchema>;

/** Every route, its method, whether it moves money (then an Idempotency-Key is required) and its bodies. */
export const ROUTES = {
  authorize: { method: 'POST', path: '/v1/payments/authorize', moneyMoving: true },
  capture: { method: 'POST', path: '/v1/payments/{paymentId}/capture', moneyMoving: true },
  void: { method: 'POST', path: '/v1/payments/{paymentId}/void', moneyMoving: true },
  refund: { method: 'POST', path: '/v1/payments/{paymentId}/refunds', moneyMoving: true },
  lookupPayment: { method: 'GET', path: '/v1/payments?reference={reference}', moneyMoving: false },
  /** a card or QR refund by the client's refund reference (how an unknown refund outcome is resolved) */
  lookupRefund: { method: 'GET', path: '/v1/refunds?reference={reference}', moneyMoving: false },
  micropay: { method: 'POST', path: '/v1/qr/micropay', moneyMoving: true },
  queryQr: { method: 'GET', path: '/v1/qr/orders?reference={reference}', moneyMoving: false },
  reverseQr: { method: 'POST', path: '/v1/qr/orders/{reference}/reverse', moneyMoving: true },
  /** {reference} is the paid QR order's; the body (RefundRequest) carries the refund's own reference */
  refundQr: { method: 'POST', path: '/v1/qr/orders/{reference}/refunds', moneyMoving: true },
  settlement: { method: 'GET', path: '/v1/settlements/{businessDate}', moneyMoving: false },
  heartbeat: { method: 'POST', path: '/v1/terminals/heartbeat', moneyMoving: false },
  /** idempotent like a money-moving call: a retried upload must not count a sale twice */
  uploadSale: { method: 'POST', path: '/v1/sales', moneyMoving: true },
  cardKey: { method: 'GET', path: '/v1/keys/card-encryption', moneyMoving: false },
  ping: { method: 'GET', path: '/v1/ping', moneyMoving: false },
} as const;
