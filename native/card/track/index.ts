// ISO/IEC 7813 magstripe tracks as typed by keyboard-wedge readers: parsing, brand, persistable facts, wiping.
export { cardBrand, IIN_RANGES, type IinRange } from './brand';
export { cardFacts, type ClearCardFacts } from './card-facts';
export {
  CARD_PAN_MAX,
  CARD_PAN_MIN,
  looksLikePan,
  looksLikeTrackData,
  REDACTED,
  redactCardData,
} from './card-data';
export { TrackError, type TrackErrorReason, type TrackNo, type TrackResult } from './errors';
export { PAN_MAX, PAN_MIN } from './fields';
export { lrcChar } from './lrc';
export { luhnValid } from './luhn';
export { splitTracks, type RawTrack } from './split';
export { parseSwipe, type SwipedCard, type SwipeResult } from './swipe';
export { parseTrack1, TRACK1_MAX, type Track1 } from './track1';
export { parseTrack2, TRACK2_MAX, type Track2 } from './track2';
export { asciiBytes, wipe, withWiped } from './wipe';
