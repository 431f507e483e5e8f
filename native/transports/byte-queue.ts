// Bytes the printer sent back, waiting for read(): filled by whatever receives them (socket 'data', bulk IN
// results), drained by read(max, timeoutMs). Once failed (link lost) it keeps rejecting until reset.
import type { TransportError } from './transport';

interface Waiter {
  max: number;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: TransportError) => void;
  timer: NodeJS.Timeout;
}

export class ByteQueue {
  private bytes: number[] = [];
  private waiters: Waiter[] = [];
  private failure: TransportError | null = null;

  get length(): number {
    return this.bytes.length;
  }
  /** Somebody is blocked in take(): a USB transport uses this to decide whether to keep a bulk IN pending. */
  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // Not push(...chunk): spreading a large chunk into arguments can overflow the stack.
    for (const b of chunk) this.bytes.push(b);
    while (this.bytes.length > 0 && this.waiters.length > 0) {
      const w = this.waiters.shift() as Waiter;
      clearTimeout(w.timer);
      w.resolve(this.splice(w.max));
    }
  }

  /** Up to `max` bytes, waiting at most `timeoutMs`; empty on timeout. Rejects once the queue failed. */
  take(max: number, timeoutMs: number): Promise<Uint8Array> {
    if (this.bytes.length > 0) return Promise.resolve(this.splice(max));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        max,
        resolve,
        reject,
        timer: setTimeout(
          () => {
            this.waiters = this.waiters.filter((x) => x !== w);
            resolve(new Uint8Array(0));
          },
          Math.max(0, timeoutMs),
        ),
      };
      this.waiters.push(w);
    });
  }

  /** The link is gone: reject everyone waiting and every later take() (queued bytes are still handed out). */
  fail(error: TransportError): void {
    this.failure = error;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  /** A new session: forget old bytes and the old failure. */
  reset(): void {
    this.bytes = [];
    this.failure = null;
  }

  private splice(max: number): Uint8Array {
    return Uint8Array.from(this.bytes.splice(0, Math.max(1, max)));
  }
}
