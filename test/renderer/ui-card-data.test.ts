// Card data where a barcode belongs, in Chromium against the real till: a card number typed into the barcode
// field and a slow keyboard-wedge swipe that the swipe detector cannot catch (keys far apart, landing in the
// focused barcode field) are refused by main as CARD_DATA_IN_BARCODE; the toast says so without a digit of
// it, the field is cleared, and neither the page nor main's answers hold the number.
import { describe, expect, it } from 'vitest';
import { TRAINING_CARDS, trainingTracks } from '../../main/payments/card/training-cards';
import { hasChromium, noChromiumMessage } from '../support/chromium';
import { useUiPage } from '../support/ui-page';

if (!hasChromium) console.warn(noChromiumMessage);

const PAN = TRAINING_CARDS.visa.pan;

describe.skipIf(!hasChromium)('card data in the barcode field', () => {
  const ui = useUiPage();
  const { tid, focusedTestId } = ui;

  const expectNothingShown = async (): Promise<void> => {
    await tid('toast').waitFor();
    expect(await tid('toast').getAttribute('data-key')).toBe('error.CARD_DATA_IN_BARCODE');
    expect((await tid('toast').textContent())?.replace(/\D/g, '')).toBe('');
    await ui.poll(() => tid('barcode-input').inputValue()).toBe('');
    const page = await ui.page.content();
    expect(page).not.toContain(PAN);
    expect(page).not.toContain(PAN.slice(0, 8));
    const answers = JSON.stringify(ui.till.answers('cart.scan'));
    expect(answers).toContain('CARD_DATA_IN_BARCODE');
    expect(answers).not.toContain(PAN.slice(0, 8));
  };

  it('a card number typed by hand: refused, no digits in the toast, the field cleared', async () => {
    const { page } = ui;
    await page.keyboard.press('F6');
    expect(await focusedTestId()).toBe('barcode-input');
    await page.keyboard.type(PAN.replace(/(\d{4})(?=\d)/g, '$1 '), { delay: 40 });
    await page.keyboard.press('Enter');
    await expectNothingShown();
    expect(await tid('cart-empty').count()).toBe(1);
  });

  it('a swipe too slow for the swipe detector, into the focused barcode field: the same', async () => {
    const { page } = ui;
    await page.keyboard.press('F6');
    await page.keyboard.type(trainingTracks('visa').track2, { delay: 45 }); // ~20 characters a second
    await page.keyboard.press('Enter');
    await expectNothingShown();
  });
});
