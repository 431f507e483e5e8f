// The settings screen's device tab: the printer, cash drawer and card reader parts of the draft, edited by
// DeviceSettings (which also runs the test print, drawer kick and test swipe against what is typed here).
import type { BootstrapView } from '@contract/contract';
import type { Draft } from '../../settings/draft';
import { DeviceSettings } from './DeviceSettings';

interface Props {
  readonly draft: Draft;
  readonly set: (path: string, value: unknown) => void;
  readonly trainingApprover: BootstrapView['trainingApprover'];
}

export function DeviceTab({ draft, set, trainingApprover }: Props) {
  return (
    <DeviceSettings
      value={{ printer: draft.printer, cardReader: draft.cardReader }}
      onChange={(next) => {
        set('printer', next.printer);
        set('cardReader', next.cardReader);
      }}
      trainingApprover={trainingApprover}
    />
  );
}
