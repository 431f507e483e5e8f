// Payments nobody is following are followed up in the background as soon as the gateway answers: unknown card
// outcomes are looked up by reference (an attempt whose answer never reached the disk is made unknown first),
// and QR payments left unknown, "user paying" or reversing (after a restart, say) are polled and, if still
// unpaid at the bound, reversed. The cart they lock is freed only by that.
import type { AttemptRepo } from './attempts/attempt-repo';
import type { CardPayments } from './card/card-payments';
import type { QrPayments } from './qr/qr-payments';

export interface UnknownResolverOptions {
  readonly attempts: AttemptRepo;
  readonly cards: Pick<CardPayments, 'resolve' | 'recoverStranded'>;
  readonly qr: Pick<QrPayments, 'resumeStranded'>;
  /** a gateway is configured and the breaker lets calls through */
  readonly online: () => boolean;
  /** default 5 s */
  readonly everyMs?: number;
}

/** Runs a pass now and then every `everyMs` (one pass at a time); returns the stop. */
export function startUnknownResolver(o: UnknownResolverOptions): () => void {
  let resolving = false;
  const resolveUnknowns = async (): Promise<void> => {
    if (resolving || !o.online()) return;
    resolving = true;
    try {
      o.cards.recoverStranded();
      for (const a of o.attempts.inStates(['unknown']).filter((x) => x.kind === 'card'))
        await o.cards.resolve(a.id).catch(() => undefined);
      await o.qr.resumeStranded().catch(() => undefined);
    } finally {
      resolving = false;
    }
  };
  const resolveTimer = setInterval(() => void resolveUnknowns(), o.everyMs ?? 5_000);
  resolveTimer.unref();
  return () => clearInterval(resolveTimer);
}
