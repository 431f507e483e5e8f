// Printing channels: the printer's state and the no-sale drawer open (receipts are printed by sale.*).
import { z } from 'zod';
import { ApprovalSchema, type DeviceState } from './shared';
import { returns, type ChannelDefs } from './define';

/** A print job that was queued (its receipt comes out when the printer is ready). */
export interface PrintJobRef {
  readonly jobId: number;
}

export interface PrinterStatusView {
  readonly state: DeviceState;
  /** 'paper-out', 'cover-open', 'offline', 'disconnected', 'cutter-error', 'error', 'paper-near-end' or null */
  readonly problem: string | null;
  readonly queue: { readonly waiting: number; readonly printing: number };
  readonly lastError: string | null;
  /**
   * The cash drawer as the printer's drawer sensor (DLE EOT 1, pin 3) last reported it: true = open. null when
   * unknown (no printer, not asked yet, or unreachable).
   */
  readonly drawerOpen: boolean | null;
}

export const printingChannels = {
  /** A "no sale" drawer open; needs a manager's approval (drawer.noSale); the reason is journalled. */
  'drawer.open': {
    input: z.strictObject({ reason: z.string().trim().min(1).max(80), approval: ApprovalSchema }),
    output: returns<PrintJobRef>(),
  },
  'printer.status': { input: z.strictObject({}), output: returns<PrinterStatusView>() },
} as const satisfies ChannelDefs;
