// Work was committed to a durable queue (a print job, an outbox row): the workers that drain those tables
// look on the next turn of the event loop, after the answer has gone back, so the cashier's acknowledgement
// never waits for queue bookkeeping. Built first by the host and handed to the services that queue work and
// to the workers that drain it (which are built later), so neither needs the other.
export interface WorkSignal {
  /** After a commit that queued work. */
  queued(): void;
  /** After `answer` settles successfully (a payment or refund that queued a receipt and an upload). */
  after<T>(answer: Promise<T>): Promise<T>;
  /** A worker that drains a queue: `wake` runs after each signal, in the order the workers subscribed. */
  subscribe(wake: () => void): void;
}

export function createWorkSignal(): WorkSignal {
  const wakers: (() => void)[] = [];
  const queued = (): void =>
    void setImmediate(() => {
      for (const wake of wakers) wake();
    });
  return {
    queued,
    async after(answer) {
      const r = await answer;
      queued();
      return r;
    },
    subscribe: (wake) => void wakers.push(wake),
  };
}
