// Public surface of the ESC/POS decoder.
export { EscPosDecoder, decodeEscPos } from './decoder';
export type { DecoderOptions } from './decoder';
export type {
  Align,
  BarcodeSymbology,
  DecodeErrorReason,
  DecoderEvent,
  DecoderEventBody,
  DecoderEventType,
  QrErrorLevel,
} from './events';
export { COMMANDS } from './command-table';
export type { ArgSpec, CommandName, CommandSpec } from './command-table';
