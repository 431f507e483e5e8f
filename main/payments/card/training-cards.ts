// Training mode's test cards, swiped on the emulated encrypting reader. Their outcomes come from the sandbox
// gateway's documented rules (docs/gateway-sandbox.md): the amount's last two digits decide for the good cards
// (…51 insufficient funds, …05 do not honour, …01 referral), the special numbers always decline.
export const TRAINING_CARDS = {
  visa: { pan: '4761739001010010', name: 'TEST/VISA', expiry: '3012' },
  unionpay: { pan: '6250941006528599', name: 'TEST/UNIONPAY', expiry: '3012' },
  mastercard: { pan: '5413330089010608', name: 'TEST/MASTERCARD', expiry: '3012' },
  decline: { pan: '4000000000000002', name: 'TEST/DECLINE', expiry: '3012' },
  stolen: { pan: '4000000000009979', name: 'TEST/STOLEN', expiry: '3012' },
  expired: { pan: '4000000000000069', name: 'TEST/EXPIRED', expiry: '3012' },
} as const;

export type TrainingCard = keyof typeof TRAINING_CARDS | 'bad-read';

/** ISO 7813 tracks 1 and 2 (service code 101: international, normal authorization). */
export function trainingTracks(card: keyof typeof TRAINING_CARDS): { track1: string; track2: string } {
  const c = TRAINING_CARDS[card];
  return {
    track1: `%B${c.pan}^${c.name}^${c.expiry}1010000000000000?`,
    track2: `;${c.pan}=${c.expiry}1010000000000?`,
  };
}
