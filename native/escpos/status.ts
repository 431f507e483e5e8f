// The one-byte answers to real-time status requests (DLE EOT n, n = 1..4), both ways: parse what a printer
// sends back, and encode what an emulator should send. Bits 1 and 4 are always 1, bits 0 and 7 always 0;
// that fixed pattern is how a status byte is told apart from stray data on the same channel.

export type StatusRequest = 1 | 2 | 3 | 4;

export interface PrinterStatus {
  request: 1;
  /** Bit 2: drawer kick connector pin 3 is high (on most drawers: the drawer is open). */
  drawerSensorHigh: boolean;
  /** Bit 3. */
  offline: boolean;
  /** Bit 5. */
  waitingForRecovery: boolean;
  /** Bit 6. */
  feedButtonPressed: boolean;
}

export interface OfflineCauseStatus {
  request: 2;
  /** Bit 2. */
  coverOpen: boolean;
  /** Bit 3. */
  paperFedByButton: boolean;
  /** Bit 5. */
  stoppedForPaperEnd: boolean;
  /** Bit 6. */
  error: boolean;
}

export interface ErrorCauseStatus {
  request: 3;
  /** Bit 3. */
  cutterError: boolean;
  /** Bit 5. */
  unrecoverableError: boolean;
  /** Bit 6. */
  autoRecoverableError: boolean;
}

export interface PaperStatus {
  request: 4;
  /** Bits 2-3 (a printer sets both; either one counts). */
  paperNearEnd: boolean;
  /** Bits 5-6 (likewise). */
  paperOut: boolean;
}

export type RealTimeStatus = PrinterStatus | OfflineCauseStatus | ErrorCauseStatus | PaperStatus;

/** The fields of one status kind, without the `request` tag. */
export type StatusFields<N extends StatusRequest> = Omit<Extract<RealTimeStatus, { request: N }>, 'request'>;

export type StatusParseResult = { ok: true; status: RealTimeStatus } | { ok: false; error: string };

const FIXED_MASK = 0b1001_0011;
const FIXED_VALUE = 0b0001_0010;

const bit = (byte: number, n: number): boolean => ((byte >> n) & 1) === 1;
const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0')}`;

export function isStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & FIXED_MASK) === FIXED_VALUE;
}

/** Parse the answer to DLE EOT n. */
export function parseStatusByte(n: StatusRequest, byte: number): StatusParseResult {
  if (!isStatusByte(byte))
    return {
      ok: false,
      error: `${hex(byte)} is not a DLE EOT ${n} status byte: bits 1 and 4 must be 1 and bits 0 and 7 must be 0`,
    };
  switch (n) {
    case 1:
      return {
        ok: true,
        status: {
          request: 1,
          drawerSensorHigh: bit(byte, 2),
          offline: bit(byte, 3),
          waitingForRecovery: bit(byte, 5),
          feedButtonPressed: bit(byte, 6),
        },
      };
    case 2:
      return {
        ok: true,
        status: {
          request: 2,
          coverOpen: bit(byte, 2),
          paperFedByButton: bit(byte, 3),
          stoppedForPaperEnd: bit(byte, 5),
          error: bit(byte, 6),
        },
      };
    case 3:
      return {
        ok: true,
        status: {
          request: 3,
          cutterError: bit(byte, 3),
          unrecoverableError: bit(byte, 5),
          autoRecoverableError: bit(byte, 6),
        },
      };
    case 4:
      return {
        ok: true,
        status: {
          request: 4,
          paperNearEnd: bit(byte, 2) || bit(byte, 3),
          paperOut: bit(byte, 5) || bit(byte, 6),
        },
      };
    default: {
      const never: never = n;
      return { ok: false, error: `DLE EOT ${String(never)} is not a status request this parser knows` };
    }
  }
}

const on = (flag: boolean, mask: number): number => (flag ? mask : 0);

/** The byte a printer answers to DLE EOT n in the given state (what emulators send back). */
export function encodeStatusByte<N extends StatusRequest>(n: N, state: StatusFields<N>): number;
export function encodeStatusByte(n: StatusRequest, state: Record<string, boolean>): number {
  const s = (k: string): boolean => state[k] === true;
  switch (n) {
    case 1:
      return (
        FIXED_VALUE |
        on(s('drawerSensorHigh'), 1 << 2) |
        on(s('offline'), 1 << 3) |
        on(s('waitingForRecovery'), 1 << 5) |
        on(s('feedButtonPressed'), 1 << 6)
      );
    case 2:
      return (
        FIXED_VALUE |
        on(s('coverOpen'), 1 << 2) |
        on(s('paperFedByButton'), 1 << 3) |
        on(s('stoppedForPaperEnd'), 1 << 5) |
        on(s('error'), 1 << 6)
      );
    case 3:
      return (
        FIXED_VALUE |
        on(s('cutterError'), 1 << 3) |
        on(s('unrecoverableError'), 1 << 5) |
        on(s('autoRecoverableError'), 1 << 6)
      );
    case 4:
      return FIXED_VALUE | on(s('paperNearEnd'), 0b1100) | on(s('paperOut'), 0b110_0000);
    default: {
      const never: never = n;
      throw new RangeError(`DLE EOT ${String(never)} has no status byte`);
    }
  }
}

export function isStatusRequest(n: number): n is StatusRequest {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

// ---- Automatic status back (GS a n): four bytes the printer sends on its own when a status changes ----

export interface AsbStatus {
  drawerSensorHigh: boolean;
  offline: boolean;
  coverOpen: boolean;
  feedButtonPressed: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
}

export type AsbParseResult = { ok: true; status: AsbStatus } | { ok: false; error: string };

// The first ASB byte has bits 0, 1 and 7 clear and bit 4 set (so it cannot be a DLE EOT answer, which has
// bit 1 set); the other three have bits 4 and 7 clear.
const ASB_FIRST_MASK = 0b1001_0011;
const ASB_FIRST_VALUE = 0b0001_0000;
const ASB_REST_MASK = 0b1001_0000;

export function isAsbFirstByte(byte: number): boolean {
  return (byte & ASB_FIRST_MASK) === ASB_FIRST_VALUE;
}

export function encodeAsb(s: AsbStatus): Uint8Array {
  return Uint8Array.of(
    ASB_FIRST_VALUE |
      on(s.drawerSensorHigh, 1 << 2) |
      on(s.offline, 1 << 3) |
      on(s.coverOpen, 1 << 5) |
      on(s.feedButtonPressed, 1 << 6),
    on(s.cutterError, 1 << 3) | on(s.unrecoverableError, 1 << 5) | on(s.autoRecoverableError, 1 << 6),
    on(s.paperNearEnd, 0b0011) | on(s.paperOut, 0b1100),
    // Fourth byte: model-specific sensors; all clear here.
    0,
  );
}

export function parseAsb(bytes: Uint8Array): AsbParseResult {
  const [b1, b2, b3, b4] = bytes;
  if (bytes.length !== 4 || b1 === undefined || b2 === undefined || b3 === undefined || b4 === undefined)
    return { ok: false, error: `an automatic status back message is 4 bytes, got ${bytes.length}` };
  if (!isAsbFirstByte(b1))
    return { ok: false, error: `${hex(b1)} does not start an automatic status back message` };
  const bad = [b2, b3, b4].find((b) => (b & ASB_REST_MASK) !== 0);
  if (bad !== undefined)
    return { ok: false, error: `${hex(bad)} cannot be in an automatic status back message (bit 4 or 7 set)` };
  return {
    ok: true,
    status: {
      drawerSensorHigh: bit(b1, 2),
      offline: bit(b1, 3),
      coverOpen: bit(b1, 5),
      feedButtonPressed: bit(b1, 6),
      cutterError: bit(b2, 3),
      unrecoverableError: bit(b2, 5),
      autoRecoverableError: bit(b2, 6),
      paperNearEnd: (b3 & 0b0011) !== 0,
      paperOut: (b3 & 0b1100) !== 0,
    },
  };
}
