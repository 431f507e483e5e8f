// Value schemas and types more than one capability's channels use.
import { z } from 'zod';
import { MAX_QTY_MILLI } from '../quantity';

/** Money in integer minor units (fen for CNY). Never a float. */
export const minor = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Quantity in thousandths (1000 = one piece, 1250 = 1.250 kg). */
export const qtyMilli = z.int().min(1).max(MAX_QTY_MILLI);
export const id = z.string().min(1).max(64);

export const DiscountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), minor }),
  /** basis points: 1000 = 10 % */
  z.strictObject({ kind: z.literal('percent'), bp: z.int().min(0).max(10_000) }),
]);
export type Discount = z.infer<typeof DiscountSchema>;

/** A manager's approval of one privileged action: their operator code and PIN (checked in main/staff). */
export const ApprovalSchema = z.strictObject({
  operatorCode: z.string().regex(/^\d{1,6}$/),
  pin: z.string().regex(/^\d{4,8}$/),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

export type { Unit } from '../quantity';
export type DeviceState = 'not-configured' | 'online' | 'offline' | 'error';
