// The device settings' calls to main (devices.*), each answering the raw Result: the section shows every
// outcome in place. Tracks typed by a wedge reader go out with the one call and are not kept.
import type {
  Approval,
  CardReaderConfig,
  CardReaderTestView,
  DrawerTestView,
  Input,
  PrinterListView,
  PrinterProfileView,
  TestPrintView,
} from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

export const listPrinters = async (): Promise<Result<PrinterListView>> =>
  (await getPos()).devices.listPrinters({});

export const printerProfiles = async (): Promise<Result<readonly PrinterProfileView[]>> =>
  (await getPos()).devices.printerProfiles({});

export const testPrint = async (input: Input<'devices.testPrint'>): Promise<Result<TestPrintView>> =>
  (await getPos()).devices.testPrint(input);

export const testDrawer = async (
  input: Omit<Input<'devices.testDrawer'>, 'approval'>,
  approval: Approval,
): Promise<Result<DrawerTestView>> => (await getPos()).devices.testDrawer({ ...input, approval });

export const testCardReader = async (
  cardReader: CardReaderConfig,
  tracks?: string,
): Promise<Result<CardReaderTestView>> =>
  (await getPos()).devices.testCardReader({ cardReader, ...(tracks === undefined ? {} : { tracks }) });
