// Card data typed or swiped into the barcode field (a slow wedge swipe the renderer's detector missed) or the
// search box is refused as CARD_DATA_IN_BARCODE and echoed nowhere: not in the error, the answer the screen
// gets, the log or the database. Product barcodes and customer payment codes keep their own rules.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PosFailure } from '../../../main/api/result';
import { parseBarcode } from '../../../main/catalog/barcode';
import { withCheckDigit } from '../../../main/catalog/gtin';
import { TRAINING_CARDS, trainingTracks } from '../../../main/payments/card/training-cards';
import { cleanup, startHost } from '../../support/temp-host';

function refusal(raw: string): PosFailure {
  try {
    parseBarcode(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(PosFailure);
    return e as PosFailure;
  }
  throw new Error('parseBarcode did not throw');
}

/** Every card-data entry the barcode field may get: PANs bare, spaced, dashed, whole and garbled tracks. */
function cardEntries(): string[] {
  const out: string[] = [];
  for (const key of Object.keys(TRAINING_CARDS) as (keyof typeof TRAINING_CARDS)[]) {
    const { pan } = TRAINING_CARDS[key];
    const { track1, track2 } = trainingTracks(key);
    out.push(pan, pan.replace(/(\d{4})(?=\d)/g, '$1 '), pan.replace(/(\d{4})(?=\d)/g, '$1-'));
    out.push(
      track1,
      track2,
      track1 + track2,
      `%B${pan.slice(0, 10)}`,
      `;${pan.slice(0, 12)}`,
      track2.slice(1),
    );
  }
  out.push('4012345678909', '378282246310005', '6212345678901265'); // 13, 15 and 16 digits
  return out;
}

describe('parseBarcode refuses card data without echoing it', () => {
  it('every PAN and track form is CARD_DATA_IN_BARCODE, with no digit of it in message or detail', () => {
    for (const entry of cardEntries()) {
      const e = refusal(entry);
      expect(e.code, entry).toBe('CARD_DATA_IN_BARCODE');
      const said = `${e.message} ${JSON.stringify(e.detail)}`;
      expect(said.replace(/\D/g, ''), entry).toBe('');
    }
  });

  it('valid product barcodes, scale labels and payment codes keep their own answers', () => {
    // 13-digit GTINs that happen to pass Luhn too are products (the check digit decides first).
    expect(parseBarcode('6901234567892')).toMatchObject({ kind: 'gtin', code: '6901234567892' });
    expect(parseBarcode(withCheckDigit('200000101234')).code).toHaveLength(13);
    const wechat = refusal('134567890123456789');
    expect(wechat.detail?.['reason']).toBe('payment-code');
    // A 19-digit QuickPass code that is Luhn-valid stays a payment code (never echoed either).
    expect(refusal('6212345678901234566').detail?.['reason']).toBe('payment-code');
    // Not a card number (Luhn fails): the old length message.
    expect(refusal('4761739001010011').detail?.['reason']).toBe('length');
  });
});

describe('the till refuses card data in the barcode field and the search box', () => {
  afterAll(cleanup);

  it('cart.scan and catalog.search answer CARD_DATA_IN_BARCODE; nothing of it in answers, log or store', async () => {
    const logs: string[] = [];
    const host = await startHost({ trainingMode: true, log: (...a) => logs.push(JSON.stringify(a)) });
    const answers: string[] = [];
    for (const code of cardEntries()) {
      const scan = await host.dispatch('cart.scan', { code });
      expect(scan, code).toMatchObject({ ok: false, error: { code: 'CARD_DATA_IN_BARCODE' } });
      answers.push(JSON.stringify(scan));
      if (code.length <= 64) {
        const search = await host.dispatch('catalog.search', { query: code });
        expect(search, code).toMatchObject({ ok: false, error: { code: 'CARD_DATA_IN_BARCODE' } });
        answers.push(JSON.stringify(search));
      }
    }
    await host.close();
    const files = fs
      .readdirSync(host.dataDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => fs.readFileSync(path.join(f.parentPath, f.name)));
    const haystack = Buffer.concat([...files, Buffer.from(answers.join('\n') + logs.join('\n'))]);
    for (const { pan } of Object.values(TRAINING_CARDS)) {
      expect(haystack.includes(pan), pan.slice(0, 4)).toBe(false);
      expect(haystack.includes(pan.slice(0, 12)), pan.slice(0, 4)).toBe(false);
    }
    expect(answers.join('').replace(/[^\d]/g, '')).toBe('');
  });
});
