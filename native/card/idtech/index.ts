// ID TECH encrypting MSR support: enhanced-format frame parsing and the HID driver.
export { brandFromLeadingDigits, cardFactsFromMasked } from './card-facts';
export type { MaskedCardFacts } from './card-facts';
export * from './enhanced-layout';
export { MsrFrameError } from './frame-error';
export type { MsrFrameErrorCode } from './frame-error';
export { parseEnhancedFrame, unwrapFrame } from './parse-enhanced';
export { IDTECH_STRUCTURE_HEADER_BYTES, MAX_FRAME_BYTES, ReportAssembler } from './report-assembler';
export type { AssemblerOutput, ReportLayout } from './report-assembler';
export {
  IDTECH_HID_PRODUCT_ID,
  IDTECH_VENDOR_ID,
  IdTechHidReader,
  openIdTechReader,
  ReaderNotFoundError,
} from './hid-reader';
export type {
  BadRead,
  BadReadReason,
  Disconnected,
  HidDeviceLike,
  IdTechReaderEvents,
  IdTechReaderOptions,
  NodeHidModule,
  OpenIdTechReaderOptions,
} from './hid-reader';
export type { EncryptedSwipe, SwipeTrack, TrackStatus } from './swipe';
