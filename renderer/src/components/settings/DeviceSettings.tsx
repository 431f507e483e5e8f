// The device half of the settings: receipt printer, cash drawer and card reader, edited in the settings
// screen's draft (`value`, `onChange(next)`; the screen saves it through config.json's own schema), each with
// a test on the device on screen. Mount it with the draft's `printer` and `cardReader`:
//   <DeviceSettings value={{ printer: d.printer, cardReader: d.cardReader }}
//                   onChange={(next) => setDraft({ ...d, ...next })} trainingApprover={boot.trainingApprover} />
import type { BootstrapView, DeviceSettingsDraft } from '@contract/contract';
import { TID } from '../../testids';
import { CardReaderSection } from './CardReaderSection';
import { DrawerSettingsSection } from './DrawerSettingsSection';
import { PrinterSettingsSection } from './PrinterSettingsSection';

export interface DeviceSettingsProps {
  readonly value: DeviceSettingsDraft;
  /** the whole device draft after one change (`printer` or `cardReader` undefined: left out of config.json) */
  readonly onChange: (next: DeviceSettingsDraft) => void;
  /** training mode's demo manager, shown in the drawer test's approval */
  readonly trainingApprover: BootstrapView['trainingApprover'];
}

export function DeviceSettings({ value, onChange, trainingApprover }: DeviceSettingsProps) {
  const setPrinter = (printer: DeviceSettingsDraft['printer']): void => onChange({ ...value, printer });
  return (
    <div className="device-settings" data-testid={TID.devicesSettings}>
      <PrinterSettingsSection printer={value.printer} onChange={setPrinter} />
      <DrawerSettingsSection
        printer={value.printer}
        onChange={setPrinter}
        trainingApprover={trainingApprover}
      />
      <CardReaderSection
        reader={value.cardReader}
        onChange={(cardReader) => onChange({ ...value, cardReader })}
      />
    </div>
  );
}
