// "Called once when the link is lost without close()": the listeners and the once-per-session rule, shared by
// every transport. Re-armed by each successful open(), so a reopened link can report its own loss.
import type { TransportError } from './transport';

export class DisconnectSignal {
  private readonly listeners = new Set<(error: TransportError) => void>();
  private fired = false;

  add(listener: (error: TransportError) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A new session began. */
  rearm(): void {
    this.fired = false;
  }

  /** The link was lost: tell every listener, at most once per session. */
  fire(error: TransportError): void {
    if (this.fired) return;
    this.fired = true;
    for (const l of [...this.listeners]) {
      // One failing listener must not hide the loss from the others.
      try {
        l(error);
      } catch {
        /* ignored */
      }
    }
  }
}
