// The shift.* channels. A drawer left out is the till's one drawer, 'main'.
import { DEFAULT_DRAWER } from '../api/contract/shifts';
import type { Handlers } from '../ipc/dispatcher';
import type { ShiftService } from './shift-service';

export type ShiftChannels = 'shift.current' | 'shift.open' | 'shift.move' | 'shift.close' | 'shift.signOff';

export function shiftHandlers(shifts: ShiftService): Pick<Handlers, ShiftChannels> {
  const drawer = (id: string | undefined): string => id ?? DEFAULT_DRAWER;
  return {
    'shift.current': ({ drawerId }) => shifts.current(drawer(drawerId)),
    'shift.open': ({ drawerId, floatCounts, approval }) =>
      shifts.open(drawer(drawerId), floatCounts, approval),
    'shift.move': ({ drawerId, approval, ...m }) => shifts.move(drawer(drawerId), m, approval),
    'shift.close': ({ drawerId, counts }) => shifts.close(drawer(drawerId), counts),
    'shift.signOff': ({ drawerId, note, approval }) => shifts.signOff(drawer(drawerId), note, approval),
  };
}
