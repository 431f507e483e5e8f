// An ID TECH reader set to AES encryption with a TDES DUKPT key (field 8 bit 4 = AES, 10-byte KSN; the emulator
// models it): the card read says `cipher: 'aes'`, so the gateway decrypts with AES under the TDES-derived key.
import { describe, expect, it } from 'vitest';
import { IdTechHidReader } from '../../../../native/card/idtech';
import type { EncryptedSwipe } from '../../../../native/card/idtech';
import { IdTechMsrEmulator } from '../../../../native/emulators/idtech-msr';
import { createCardDecryptor } from '../../../../main/gateway/sandbox/card-decryptor';
import { readFromEncryptedSwipe } from '../../../../main/payments/card/card-reads';
import { trainingTracks } from '../../../../main/payments/card/training-cards';

const BDK = '0123456789ABCDEFFEDCBA9876543210';

describe('ID TECH AES mode with a TDES DUKPT key', () => {
  it('a swipe from a reader in AES mode (TDES key) is forwarded so the gateway can decrypt it', () => {
    const emu = new IdTechMsrEmulator({
      bdk: BDK,
      initialKsn: 'FFFF9876543210E00000',
      variant: 'data',
      cipher: 'aes',
      mask: { showExpiry: true },
    });
    const reader = new IdTechHidReader(emu);
    const swipes: EncryptedSwipe[] = [];
    reader.on('swipe', (s) => swipes.push(s));
    emu.swipe(trainingTracks('visa'));
    expect(swipes).toHaveLength(1);
    const swipe = swipes[0] as EncryptedSwipe;
    expect(swipe.cipher).toBe('aes');
    const read = readFromEncryptedSwipe(swipe, { variant: 'data' });
    const decrypt = createCardDecryptor({ bdks: { tdes: BDK, aes128: BDK }, privateKeyPem: '' });
    expect(decrypt(read.data, { reference: 'r1' })).toMatchObject({
      pan: '4761739001010010',
      expiry: '3012',
    });
  });
});
