// What a UI gets at start (main/app/bootstrap.ts): read from config.json, the preferences, the cart, the last
// sale and the status bar, with the training manager's PIN shown only in training mode.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CartView, Locale, SaleView } from '../../../main/api/contract';
import { appHandlers, bootstrapView, type BootstrapSources } from '../../../main/app/bootstrap';
import { DEFAULT_CONFIG, type PosConfig } from '../../../main/config/config';
import { createStatusService } from '../../../main/status/status-service';
import { TRAINING_MANAGER } from '../../../main/staff/training-staff';

const cart = { cartId: 'c1', version: 3 } as CartView;
const lastSale = { saleId: 's9' } as SaleView;

function sources(config: Partial<PosConfig>, order: string[] = []): BootstrapSources {
  let locale: Locale = 'zh-CN';
  const status = createStatusService(config.trainingMode ?? true, () => undefined);
  return {
    config: { ...DEFAULT_CONFIG, ...config },
    prefs: {
      locale: () => (order.push('locale'), locale),
      setLocale: (l) => (locale = l),
    },
    cart: () => (order.push('cart'), cart),
    lastSale: () => (order.push('lastSale'), lastSale),
    status: () => (order.push('status'), status.get()),
    dataDir: '/var/pos/data',
    log: () => undefined,
    now: () => new Date(),
  };
}

describe('bootstrap view', () => {
  it('training mode: the emulated reader and the demo manager on the approval prompt', () => {
    const v = bootstrapView(sources({ trainingMode: true, cardReader: { kind: 'keyboard-wedge' } }));
    expect(v.cardReader).toEqual({ kind: 'training', widensPciScope: true });
    expect(v.trainingApprover).toEqual({ code: TRAINING_MANAGER.code, pin: TRAINING_MANAGER.pin });
    expect(v.status.trainingMode).toBe(true);
  });

  it('a shop: the configured reader, no PIN shown; a keyboard-wedge reader widens PCI scope', () => {
    const wedge = bootstrapView(sources({ trainingMode: false, cardReader: { kind: 'keyboard-wedge' } }));
    expect(wedge.cardReader).toEqual({ kind: 'keyboard-wedge', widensPciScope: true });
    expect(wedge.trainingApprover).toBeNull();
    const none = bootstrapView(sources({ trainingMode: false }));
    expect(none.cardReader).toEqual({ kind: 'none', widensPciScope: false });
  });

  it('the store, the currency, the cart (read first), the last sale and the status', () => {
    const order: string[] = [];
    const v = bootstrapView(sources({ trainingMode: false, currency: 'CNY' }, order));
    expect(order[0]).toBe('cart');
    expect(v).toMatchObject({
      locale: 'zh-CN',
      currency: 'CNY',
      store: { name: DEFAULT_CONFIG.store.name, nameEn: DEFAULT_CONFIG.store.nameEn, terminalId: 'T01' },
      cart,
      lastSale,
    });
  });

  it('names the log folder, <dataDir>/logs, for the settings screen', () => {
    expect(bootstrapView(sources({})).logDir).toBe(path.join('/var/pos/data', 'logs'));
  });

  it('settings.setLocale is what the next bootstrap says', async () => {
    const s = sources({});
    const h = appHandlers(s);
    expect(await h['settings.setLocale']({ locale: 'en' })).toEqual({ locale: 'en' });
    expect((await h['app.bootstrap']({})).locale).toBe('en');
  });
});
