// The device channels of the setup and settings screens (main/api/contract/devices.ts): listing printers, a
// test page, a drawer pulse and a test swipe on the device being set up. Listing and the test page need no
// approval (they only look, or print a page); a drawer pulse opens the cash drawer, so it takes drawer.noSale's
// approval and is journalled, naming the approver, before the pulse is sent.
import { findProfile, withPaperWidth } from '../../native/escpos/encode/profiles';
import type { UsbHost } from '../../native/transports/usb-host';
import { PosFailure } from '../api/result';
import type { PosConfig } from '../config/config';
import type { Handlers } from '../ipc/dispatcher';
import { testCardReader, type ReaderTestDeps } from '../payments/card/reader-test';
import { testDrawer, testPrint } from '../printing/device-tests';
import type { Printing } from '../printing/printing-runtime';
import { testPageBytes } from '../printing/test-page';
import type { ApprovedActionJournal } from '../staff/approved-action';
import type { Approvals } from '../staff/approvals';
import { listPrinters, printerProfiles } from './printer-list';

export type DeviceChannels =
  | 'devices.listPrinters'
  | 'devices.printerProfiles'
  | 'devices.testPrint'
  | 'devices.testDrawer'
  | 'devices.testCardReader';

export interface DeviceHandlerDeps {
  readonly config: Pick<PosConfig, 'store' | 'trainingMode'>;
  readonly printing: Pick<Printing, 'connection'>;
  readonly usb: UsbHost | null;
  readonly usblpDir?: string | undefined;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
  readonly reader: Omit<ReaderTestDeps, 'trainingMode'>;
  readonly now: () => Date;
}

/** "2026-12-06 09:30:05" on the till's clock, as the shop reads it. */
function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function deviceHandlers(d: DeviceHandlerDeps): Pick<Handlers, DeviceChannels> {
  const tests = { configured: d.printing.connection, links: { usb: d.usb } };
  return {
    'devices.listPrinters': () => listPrinters(d),
    'devices.printerProfiles': () => printerProfiles(),
    'devices.testPrint': ({ connection, profileId, mode, widthMm }) => {
      const known = findProfile(profileId);
      if (!known) throw new PosFailure('INVALID_PAYLOAD', `"${profileId}" is not a known printer profile`);
      const profile = widthMm ? withPaperWidth(known, widthMm) : known;
      const storeName = d.config.store.name;
      return testPrint(tests, connection, () =>
        testPageBytes({ storeName, profile, mode, time: localTime(d.now()) }),
      );
    },
    'devices.testDrawer': async ({ connection, pin, t1, t2, approval }) => {
      const approver = d.approvals.approve('drawer.noSale', approval);
      // Journalled before the pulse: a drawer that opens is on record even if the answer never comes back.
      d.journal('drawer.test-kick', approver, { connection, pin, t1, t2 });
      return testDrawer(tests, connection, { pin, t1, t2 });
    },
    'devices.testCardReader': ({ cardReader, tracks }) =>
      testCardReader({ ...d.reader, trainingMode: d.config.trainingMode }, cardReader, tracks),
  };
}
