// The encrypting reader: training mode's emulated one, or a configured ID TECH reader on USB HID. A swipe
// goes to the card payment waiting for one (the newest); its outcome reaches the UI as events, and a swipe
// that cannot be used is reported as a `paymentError` event for that payment.
import { IdTechHidReader, openIdTechReader, type EncryptedSwipe } from '../../../native/card/idtech';
import { IdTechMsrEmulator } from '../../../native/emulators/idtech-msr';
import type { PaymentErrorEvent, PaymentResultView } from '../../api/contract';
import { PosFailure } from '../../api/result';
import type { PosConfig } from '../../config/config';
import type { Logger } from '../../../native/log/logger';
import type { AttemptRepo } from '../attempts/attempt-repo';
import type { CardRead } from './store-offline';
import { readFromEncryptedSwipe } from './card-reads';
import { trainingTracks, type TrainingCard } from './training-cards';

/** The public TDES test BDK and an initial KSN: the training reader and the sandbox share only test keys. */
const TRAINING_READER = { bdk: '0123456789ABCDEFFEDCBA9876543210', ksn: 'FFFF9876543210E00000' } as const;

/** Training mode's emulated ID TECH encrypting reader (also swiped by the device settings' test). */
export function trainingReader(): IdTechMsrEmulator {
  return new IdTechMsrEmulator({
    bdk: TRAINING_READER.bdk,
    initialKsn: TRAINING_READER.ksn,
    variant: 'data',
    serial: 'TRAINING01',
    // Readers are set to send the expiry in the clear (allowed: PCI DSS lets it be kept); facts need it.
    mask: { showExpiry: true },
  });
}

export interface ReaderRoutingOptions {
  readonly config: PosConfig;
  readonly attempts: AttemptRepo;
  /** hands a read to the card payment and answers with its result */
  readonly submit: (attemptId: string, read: CardRead) => Promise<PaymentResultView>;
  readonly onPaymentError: (e: PaymentErrorEvent) => void;
  readonly log: Logger;
  /** Opens the configured encrypting reader (default: node-hid); tests inject the emulator. */
  readonly openCardReader?: (() => Promise<IdTechHidReader>) | undefined;
}

export interface ReaderRouting {
  /**
   * Training mode only (else null): the emulated reader swipes a test card (or reads badly) for this payment,
   * which is the one the swipe goes to; answers with the payment's result.
   */
  readonly trainingSwipe: ((attemptId: string, card: TrainingCard) => Promise<PaymentResultView>) | null;
  close(): void;
}

/** Where a swipe's result goes: the payment's caller, or (for an unasked hardware swipe) nowhere but events. */
interface Waiting {
  attemptId: string;
  resolve: (r: PaymentResultView) => void;
  reject: (e: unknown) => void;
}

export async function openReaderRouting(o: ReaderRoutingOptions): Promise<ReaderRouting> {
  const { config } = o;
  const emulator = config.trainingMode ? trainingReader() : null;
  const hidConfig = config.cardReader?.kind === 'idtech-hid' ? config.cardReader : null;
  let reader: IdTechHidReader | null = emulator ? new IdTechHidReader(emulator) : null;
  const readerVariant = hidConfig?.variant ?? 'data';
  if (!reader && hidConfig) {
    const open =
      o.openCardReader ??
      (() =>
        openIdTechReader({
          ...(hidConfig.vendorId !== undefined ? { vendorId: hidConfig.vendorId } : {}),
          ...(hidConfig.productId !== undefined ? { productId: hidConfig.productId } : {}),
        }));
    reader = await open().catch((e: unknown) => {
      // The till still sells (cash, QR); the reader is reported, and found again at the next start.
      o.log('error', 'card reader not available', { error: e instanceof Error ? e.message : String(e) });
      return null;
    });
  }
  let waiting: Waiting | null = null;
  /** The payment a hardware swipe is for: the one a training swipe named, else the newest waiting card payment. */
  const target = (): Waiting | null => {
    const w = waiting;
    waiting = null;
    if (w) return w;
    const open = o.attempts.inStates(['created']).filter((a) => a.kind === 'card');
    const newest = open[open.length - 1];
    if (!newest) return null;
    const report = (e: unknown): void => {
      const error =
        e instanceof PosFailure
          ? { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) }
          : { code: 'INTERNAL' as const, message: 'the swipe could not be used' };
      o.onPaymentError({ attemptId: newest.id, error });
    };
    return { attemptId: newest.id, resolve: () => undefined, reject: report };
  };
  reader?.on('swipe', (s: EncryptedSwipe) => {
    const t = target();
    if (!t) return void o.log('warn', 'card swiped with no payment waiting for it');
    try {
      o.submit(t.attemptId, readFromEncryptedSwipe(s, { variant: readerVariant })).then(t.resolve, t.reject);
    } catch (e) {
      t.reject(e);
    }
  });
  reader?.on('bad-read', (b) => {
    target()?.reject(
      new PosFailure('CARD_UNREADABLE', 'The card could not be read; swipe again', { reason: b.reason }),
    );
  });
  reader?.on('disconnected', (d) => o.log('error', 'card reader disconnected', { message: d.message }));

  return {
    trainingSwipe: emulator
      ? (attemptId, card) =>
          new Promise<PaymentResultView>((resolve, reject) => {
            waiting = { attemptId, resolve, reject };
            if (card === 'bad-read') emulator.badSwipe();
            else emulator.swipe(trainingTracks(card));
          })
      : null,
    close: () => reader?.close(),
  };
}
