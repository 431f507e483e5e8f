// What an emulated printer answers about itself, derived from its mechanism state: DLE EOT bytes, GS r bytes
// and automatic status back (GS a) messages. Kept apart from the printer so the bit layouts live in one place.
import { encodeAsb, encodeStatusByte } from '../escpos/status';
import type { AsbStatus, StatusRequest } from '../escpos/status';

export type PaperState = 'ok' | 'nearEnd' | 'out';

export interface MechanismState {
  paper: PaperState;
  coverOpen: boolean;
  drawerOpen: boolean;
  cutterError: boolean;
}

/** Stopped: only real-time commands are processed. */
export const isOffline = (s: MechanismState): boolean => s.paper === 'out' || s.coverOpen || s.cutterError;

// The near-end sensor sits before the end sensor, so an empty roll trips both.
const nearEnd = (s: MechanismState): boolean => s.paper !== 'ok';

/** The answer to DLE EOT n. */
export function realTimeStatusByte(n: StatusRequest, s: MechanismState): number {
  switch (n) {
    case 1:
      return encodeStatusByte(1, {
        drawerSensorHigh: s.drawerOpen,
        offline: isOffline(s),
        waitingForRecovery: false,
        feedButtonPressed: false,
      });
    case 2:
      return encodeStatusByte(2, {
        coverOpen: s.coverOpen,
        paperFedByButton: false,
        stoppedForPaperEnd: s.paper === 'out',
        error: s.cutterError,
      });
    case 3:
      return encodeStatusByte(3, {
        cutterError: s.cutterError,
        unrecoverableError: false,
        autoRecoverableError: false,
      });
    case 4:
      return encodeStatusByte(4, { paperNearEnd: nearEnd(s), paperOut: s.paper === 'out' });
  }
}

/** The answer to GS r n: 1 paper sensors (bits 0-1 near end, 2-3 end), 2 drawer pin 3 in bit 0. */
export function transmitStatusByte(n: 1 | 2, s: MechanismState): number {
  if (n === 2) return s.drawerOpen ? 1 : 0;
  return (nearEnd(s) ? 0b0011 : 0) | (s.paper === 'out' ? 0b1100 : 0);
}

function asbStatus(s: MechanismState): AsbStatus {
  return {
    drawerSensorHigh: s.drawerOpen,
    offline: isOffline(s),
    coverOpen: s.coverOpen,
    feedButtonPressed: false,
    cutterError: s.cutterError,
    unrecoverableError: false,
    autoRecoverableError: false,
    paperNearEnd: nearEnd(s),
    paperOut: s.paper === 'out',
  };
}

/** Decides when GS a automatic status back sends a message: on enabling, then on changes it was asked about. */
export class AutoStatusBack {
  private mask = 0;
  private last = '';

  get enabledMask(): number {
    return this.mask;
  }

  /** GS a n. Returns the message to send now (enabling sends the current status at once), if any. */
  enable(mask: number, s: MechanismState): Uint8Array | null {
    this.mask = mask;
    this.last = '';
    return this.changed(s);
  }

  /** The mechanism changed: the message to send, or null when nothing the host enabled has changed. */
  changed(state: MechanismState): Uint8Array | null {
    if (this.mask === 0) return null;
    const s = asbStatus(state);
    // GS a n bits: 0 drawer, 1 online/offline, 2 errors, 3 paper sensors.
    const groups = [
      [s.drawerSensorHigh],
      [s.offline, s.coverOpen, s.feedButtonPressed],
      [s.cutterError, s.unrecoverableError, s.autoRecoverableError],
      [s.paperNearEnd, s.paperOut],
    ];
    const key = groups.map((g, i) => ((this.mask >> i) & 1 ? g.map(Number).join('') : '-')).join('|');
    if (key === this.last) return null;
    this.last = key;
    return encodeAsb(s);
  }
}
