// The status bar's payment figures (main/status/payments-figures.ts): card/QR refunds not yet final count
// among what needs a manager.
import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../main/api/contract';
import { createPaymentsFigures } from '../../../main/status/payments-figures';
import { createStatusService, NO_PAYMENTS } from '../../../main/status/status-service';

function setup() {
  const seen: StatusView[] = [];
  const status = createStatusService(false, (s) => seen.push(s));
  const world = { openRefunds: 0, open: true };
  const figures = createPaymentsFigures({
    status,
    refunds: { countOpen: () => world.openRefunds },
    storeOpen: () => world.open,
  });
  return { status, seen, world, figures };
}

describe('payment figures', () => {
  it('nothing is published before payments first report', () => {
    const { seen, world, figures } = setup();
    world.openRefunds = 2;
    figures.refresh();
    expect(seen).toEqual([]);
  });

  it('the gateway state and the figures, open refunds added to what needs a manager', () => {
    const { status, world, figures } = setup();
    world.openRefunds = 2;
    figures.report('online', null, { ...NO_PAYMENTS, needsManager: 1, uploadsPending: 3 });
    expect(status.get().gateway).toEqual({ state: 'online', detail: null });
    expect(status.get().payments).toMatchObject({ needsManager: 3, uploadsPending: 3 });
    world.openRefunds = 0; // the refund completed
    figures.refresh();
    expect(status.get().payments.needsManager).toBe(1);
  });

  it('a refund settling after the store closed changes nothing', () => {
    const { status, world, figures } = setup();
    figures.report('offline', 'no route', NO_PAYMENTS);
    world.open = false;
    world.openRefunds = 5;
    figures.refresh();
    expect(status.get().payments.needsManager).toBe(0);
  });
});
