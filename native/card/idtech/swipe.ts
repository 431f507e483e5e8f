// The parsed form of one encrypted swipe: what the POS may hold (masked tracks, ciphertext, hashes, KSN)
// and forward to the gateway; the clear tracks never appear here.
import type { MaskedCardFacts } from './card-facts';
import type { EncodeType } from './enhanced-layout';

/** ok: decoded; absent: no data sampled on that track; error: sampled but failed to decode. */
export type TrackStatus = 'ok' | 'absent' | 'error';

export interface SwipeTrack {
  status: TrackStatus;
  /** Length of the clear track (sentinels included); the ciphertext is this rounded up to the block. */
  length: number;
  /** Masked track text as the reader sent it (absent when the reader sends no mask for the track). */
  masked?: string;
  encrypted?: Uint8Array;
  /** SHA-1 (or SHA-256, SREDKey 2 option) of the clear track, for the gateway to check after decrypting. */
  hash?: Uint8Array;
}

export interface EncryptedSwipe {
  encodeType: EncodeType;
  track1: SwipeTrack;
  track2: SwipeTrack;
  track3: SwipeTrack;
  cipher: 'tdes' | 'aes';
  hashAlgorithm: 'sha1' | 'sha256';
  /**
   * Field 8 bit 6 as sent. SREDKey 2 sets it when the data was encrypted under the PIN key; older
   * readers leave the bit reserved (0) whatever they use, so the variant stays a configured setting.
   */
  pinKeyFlag: boolean;
  sessionId?: Uint8Array;
  /** Reader serial number (ASCII, leading NUL padding removed). */
  serial?: string;
  /** KSN in upper-case hex: 10 bytes (TDES DUKPT) or 12 (AES DUKPT). Absent only if nothing is encrypted. */
  ksn?: string;
  card: MaskedCardFacts;
}
