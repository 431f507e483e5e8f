// What the POS may know about a card, read from the reader's MASKED tracks only (PCI DSS 3.4.1: BIN
// and last four at most): brand hint, BIN, last four, expiry and the cardholder name. The clear PAN is
// never available here; digits hidden by the mask character simply stay unknown. (Diners Club ranges read as
// unknown: the gateway protocol has no brand for them, ../card-facts.ts.)
import type { CardBrand, CardFacts } from '../card-facts';

/**
 * What masked tracks show: the brand from the leading digits the reader left in the clear, and whatever else
 * it left unmasked (any of it may be missing), with the PAN's length and the cardholder name.
 */
export type MaskedCardFacts = Pick<CardFacts, 'brand'> &
  Partial<Omit<CardFacts, 'brand'>> & {
    panLength?: number;
    /** Track 1 name field (ISO 7813 "SURNAME/GIVEN"), trimmed. */
    name?: string;
  };

const DIGITS = /^\d+$/;

/** Brand from the clear leading digits (as few as the reader shows; ranges per the networks' BIN tables). */
export function brandFromLeadingDigits(lead: string): CardBrand {
  const n = (len: number): number => (lead.length >= len ? Number(lead.slice(0, len)) : NaN);
  if (lead.startsWith('4')) return 'visa';
  if (n(2) >= 51 && n(2) <= 55) return 'mastercard';
  if (n(4) >= 2221 && n(4) <= 2720) return 'mastercard';
  if (n(2) === 34 || n(2) === 37) return 'amex';
  if (lead.startsWith('6011') || n(2) === 65 || (n(3) >= 644 && n(3) <= 649)) return 'discover';
  if (n(4) >= 3528 && n(4) <= 3589) return 'jcb';
  if (n(2) === 62) return 'unionpay';
  return 'unknown';
}

interface TrackParts {
  pan: string;
  name?: string;
  afterSeparator: string;
}

/** Track 1, format B: %B<PAN>^<NAME>^<YYMM><service code><discretionary>? ('B' may itself be masked). */
function splitTrack1(t: string): TrackParts | undefined {
  const m = /^%.([^^]{1,19})\^([^^]{0,26})\^([^?]*)\?/.exec(t);
  if (!m) return undefined;
  return { pan: m[1] as string, name: m[2] as string, afterSeparator: m[3] as string };
}

/** Track 2: ;<PAN>=<YYMM><service code><discretionary>? */
function splitTrack2(t: string): TrackParts | undefined {
  const m = /^;([^=]{1,19})=([^?]*)\?/.exec(t);
  if (!m) return undefined;
  return { pan: m[1] as string, afterSeparator: m[2] as string };
}

export function cardFactsFromMasked(track1?: string, track2?: string): MaskedCardFacts {
  const parts = [track2 ? splitTrack2(track2) : undefined, track1 ? splitTrack1(track1) : undefined];
  const t2 = parts[0];
  const t1 = parts[1];
  const pan = (t2 ?? t1)?.pan;
  const facts: MaskedCardFacts = { brand: 'unknown' };
  if (pan) {
    const lead = /^\d*/.exec(pan)?.[0] ?? '';
    facts.brand = brandFromLeadingDigits(lead);
    if (lead.length >= 6) facts.bin = lead.slice(0, 6);
    const last4 = pan.slice(-4);
    if (DIGITS.test(last4)) facts.last4 = last4;
    facts.panLength = pan.length;
  }
  for (const p of [t2, t1]) {
    const yymm = p?.afterSeparator.slice(0, 4);
    if (yymm && DIGITS.test(yymm) && Number(yymm.slice(2)) >= 1 && Number(yymm.slice(2)) <= 12) {
      facts.expiry = yymm;
      break;
    }
  }
  const name = t1?.name?.trim();
  if (name && !/^[*]+$/.test(name)) facts.name = name;
  return facts;
}
