// ID TECH masking of financial (ISO/ABA) tracks, per the SecureMag/SecureHead manuals: sentinels,
// separators and the track 1 name stay clear; the first PrePAN (≤ 6) and last PostPAN (≤ 4) PAN digits
// stay clear; the expiry is masked unless "display expiration date" is on; everything else (format
// code, service code, discretionary data) is replaced by the mask character. Length is preserved.

export interface MaskSettings {
  /** Leading PAN digits left clear, 0-6 (ID TECH default 4; 6 keeps the BIN). */
  prePan: number;
  /** Trailing PAN digits left clear, 0-4. */
  postPan: number;
  maskChar: string;
  /** ID TECH "Display Expiration Date" (53 50 01 31); masked by default. */
  showExpiry: boolean;
}

export const DEFAULT_MASK: MaskSettings = { prePan: 6, postPan: 4, maskChar: '*', showExpiry: false };

export function checkMaskSettings(m: MaskSettings): void {
  if (!Number.isInteger(m.prePan) || m.prePan < 0 || m.prePan > 6)
    throw new RangeError('prePan must be 0-6 (PCI)');
  if (!Number.isInteger(m.postPan) || m.postPan < 0 || m.postPan > 4)
    throw new RangeError('postPan must be 0-4 (PCI)');
  if (m.maskChar.length !== 1 || m.maskChar < ' ' || m.maskChar > '~')
    throw new RangeError('maskChar must be one printable ASCII character');
}

/** Digits always masked, so a short PAN is never sent whole even when PrePAN + PostPAN would cover it. */
const MIN_MASKED_DIGITS = 3;

function maskPan(pan: string, m: MaskSettings): string {
  const clearTail = Math.min(m.postPan, Math.max(0, pan.length - MIN_MASKED_DIGITS));
  const clearHead = Math.min(m.prePan, Math.max(0, pan.length - clearTail - MIN_MASKED_DIGITS));
  const masked = pan.length - clearHead - clearTail;
  return pan.slice(0, clearHead) + m.maskChar.repeat(masked) + pan.slice(pan.length - clearTail);
}

/** Expiry (first 4 characters) clear or masked, everything after it masked. */
function maskAfterSeparator(rest: string, m: MaskSettings): string {
  const expiry = rest.slice(0, 4);
  const shown = m.showExpiry ? expiry : m.maskChar.repeat(expiry.length);
  return shown + m.maskChar.repeat(rest.length - expiry.length);
}

/** Masks an ISO 7813 track 1 (`%B…^…^…?`), or returns undefined if it is not one. */
export function maskTrack1(track: string, m: MaskSettings): string | undefined {
  const t = /^%B(\d{1,19})\^([^^]{0,26})\^([^?]*)\?$/.exec(track);
  if (!t) return undefined;
  const [, pan, name, rest] = t as unknown as [string, string, string, string];
  return `%${m.maskChar}${maskPan(pan, m)}^${name}^${maskAfterSeparator(rest, m)}?`;
}

/** Masks an ISO 7813 track 2 (`;PAN=…?`), or returns undefined if it is not one. */
export function maskTrack2(track: string, m: MaskSettings): string | undefined {
  const t = /^;(\d{1,19})=([^?]*)\?$/.exec(track);
  if (!t) return undefined;
  const [, pan, rest] = t as unknown as [string, string, string];
  return `;${maskPan(pan, m)}=${maskAfterSeparator(rest, m)}?`;
}
