// "Logs never see a full PAN or a track" (issue 12, point 8): a real till writing its real log file goes
// through card flows with every test card (the training cards swiped on the emulated encrypting reader, the
// same cards as keyboard-wedge swipes whole and garbled, the DUKPT vectors' card), card data typed or swiped
// into the barcode field and the search box, declines, bad reads, the gateway going away, wrong and right
// manager PINs, and a renderer crash report that quotes a card number. Then every log file is searched for
// each PAN (bare, spaced, dashed), each track, the PIN blocks and the PINs: nothing may be found.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileLog } from '../../../main/ipc/file-log';
import { createHost } from '../../../main/host';
import { logDir } from '../../../main/store/files';
import { TRAINING_CARDS, trainingTracks } from '../../../main/payments/card/training-cards';
import type { Host } from '../../../main/host-types';
import { call, cartOf, openShop } from '../payments/fixtures';

const vectors = JSON.parse(fs.readFileSync('/work/shared/vectors/dukpt-public.json', 'utf8').toString()) as {
  tdes: { rows: Record<string, string>[] };
};

/** The DUKPT vectors' card and PIN blocks (pin_block_iso0_pin1234_pan4012345678909). */
const VECTOR_PAN = '4012345678909';
const PIN_BLOCKS = vectors.tdes.rows.map((r) => r['pin_block_iso0_pin1234_pan4012345678909'] ?? '');
const WRONG_PIN = '864209';
const MANAGER = { operatorCode: '900', pin: '1234' };

const CARDS = Object.keys(TRAINING_CARDS) as (keyof typeof TRAINING_CARDS)[];
const PANS = [...CARDS.map((c) => TRAINING_CARDS[c].pan), VECTOR_PAN];

/** Every spelling of a PAN a log could hold: bare, in groups of four with spaces or dashes. */
const spellings = (pan: string): string[] => [
  pan,
  pan.replace(/(\d{4})(?=\d)/g, '$1 '),
  pan.replace(/(\d{4})(?=\d)/g, '$1-'),
];

function needles(): string[] {
  const out = PANS.flatMap(spellings);
  for (const c of CARDS) {
    const { track1, track2 } = trainingTracks(c);
    out.push(track1.slice(1, -1), track2.slice(1, -1), TRAINING_CARDS[c].name);
  }
  out.push(...PIN_BLOCKS, WRONG_PIN, `"${MANAGER.pin}"`);
  return out.filter((n) => n !== '');
}

/** The barcode field and search box get card data: PANs in every spelling, whole and garbled tracks. */
function typedCardData(): string[] {
  const out = PANS.flatMap(spellings);
  for (const c of CARDS) {
    const { track1, track2 } = trainingTracks(c);
    out.push(track1, track2, track1 + track2, track1.slice(0, 12), track2.slice(0, 14));
  }
  return out;
}

async function cardFlows(host: Host, stopGateway: () => Promise<void>): Promise<void> {
  const attempt = async (contact?: string) => {
    const cart = await cartOf(host);
    const input = { cartId: cart.cartId, cartVersion: cart.version };
    return call(host, 'payment.startCard', contact ? { ...input, customerContact: contact } : input);
  };
  const settle = async (attemptId: string): Promise<void> => {
    if ((await call(host, 'payment.get', { attemptId })).state === 'created')
      await call(host, 'payment.cancel', { attemptId });
    await host.dispatch('cart.clear', {});
  };
  // The emulated encrypting reader: every test card and a bad read.
  for (const card of [...CARDS, 'bad-read'] as const) {
    const a = await attempt();
    await host.dispatch('payment.trainingSwipe', { attemptId: a.attemptId, testCard: card });
    await settle(a.attemptId);
  }
  // Keyboard-wedge swipes: whole, track 2 alone, garbled.
  for (const card of CARDS) {
    const { track1, track2 } = trainingTracks(card);
    for (const tracks of [`${track1}\n${track2}\n`, track2, track1.slice(0, 20), `${track2.slice(0, 18)}?`]) {
      const a = await attempt();
      await host.dispatch('payment.wedgeSwipe', { attemptId: a.attemptId, tracks });
      await settle(a.attemptId);
    }
  }
  // Card data typed or swiped into the barcode field and the search box.
  for (const code of typedCardData()) {
    await host.dispatch('cart.scan', { code });
    if (code.length <= 64) await host.dispatch('catalog.search', { query: code });
  }
  // A payload that breaks the contract, holding a track: refused, the payload not logged.
  await host.dispatchUntyped('cart.scan', { code: trainingTracks('visa').track1, extra: VECTOR_PAN });
  // Manager PINs, wrong and right.
  await host.dispatch('drawer.open', { reason: 'float', approval: { ...MANAGER, pin: WRONG_PIN } });
  await host.dispatch('drawer.open', { reason: 'float', approval: MANAGER });
  // A renderer crash report quoting card data (a component that rendered what it should not have).
  const { track1 } = trainingTracks('mastercard');
  await host.dispatch('app.reportError', {
    source: 'render',
    message: `TypeError: cannot read ${TRAINING_CARDS.visa.pan} / ${spellings(VECTOR_PAN)[1] ?? ''}`,
    stack: `at render (${track1})\nat pinBlock=${PIN_BLOCKS[0] ?? ''}`,
  });
  // The gateway goes away: offline card payments, wedge entry refused offline.
  await stopGateway();
  for (const card of ['visa', 'unionpay'] as const) {
    const a = await attempt('13800000000');
    await host.dispatch('payment.trainingSwipe', { attemptId: a.attemptId, testCard: card });
    const { track2 } = trainingTracks(card);
    await host.dispatch('payment.wedgeSwipe', { attemptId: a.attemptId, tracks: track2 });
    await settle(a.attemptId);
  }
}

describe('the log file after card flows', () => {
  it('holds no PAN (bare, spaced, dashed), track, cardholder name, PIN block or PIN', async () => {
    // A keyboard-wedge reader configured, so typed swipes are taken (and sealed) rather than refused.
    const shop = await openShop({ config: { cardReader: { kind: 'keyboard-wedge' } } });
    await shop.host.close(); // the fixture's host logs nothing; this one writes the real log file
    const fileLog = await openFileLog({ dataDir: shop.dataDir, shell: 'test' });
    const host = await createHost({ dataDir: shop.dataDir, log: fileLog.log });
    try {
      await cardFlows(host, () => shop.stopGateway());
    } finally {
      await host.close();
      await fileLog.close();
    }

    const dir = logDir(shop.dataDir);
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // The search looked at a real log: the crash report and the refused payload are in it, redacted.
    expect(text).toContain('"msg":"renderer error"');
    expect(text).toContain('"msg":"rejected payload"');
    expect(text).toContain('[redacted]');
    const found = needles().filter((n) => text.includes(n));
    expect(found).toEqual([]);
  }, 120_000);
});
