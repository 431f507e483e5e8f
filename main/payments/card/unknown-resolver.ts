// Unknown card outcomes are looked up in the background as soon as the gateway answers (and an attempt whose
// answer never reached the disk is made unknown first).
import type { AttemptRepo } from '../attempts/attempt-repo';
import type { CardPayments } from './card-payments';

export interface UnknownResolverOptions {
  readonly attempts: AttemptRepo;
  readonly cards: Pick<CardPayments, 'resolve' | 'recoverStranded'>;
  /** a gateway is configured and the breaker lets calls through */
  readonly online: () => boolean;
}

/** Looks the unknown card payments up every 5 s (one pass at a time); returns the stop. */
export function startUnknownResolver(o: UnknownResolverOptions): () => void {
  let resolving = false;
  const resolveUnknowns = async (): Promise<void> => {
    if (resolving || !o.online()) return;
    resolving = true;
    try {
      o.cards.recoverStranded();
      for (const a of o.attempts.inStates(['unknown']).filter((x) => x.kind === 'card'))
        await o.cards.resolve(a.id).catch(() => undefined);
    } finally {
      resolving = false;
    }
  };
  const resolveTimer = setInterval(() => void resolveUnknowns(), 5_000);
  resolveTimer.unref();
  return () => clearInterval(resolveTimer);
}
