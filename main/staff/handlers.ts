// The staff.* channels: the staff screen, each call approved and journalled by the directory.
import type { Handlers } from '../ipc/dispatcher';
import type { StaffDirectory } from './staff-directory';

export type StaffChannels =
  'staff.list' | 'staff.add' | 'staff.setActive' | 'staff.setPin' | 'staff.setRole' | 'staff.clearLock';

export function staffHandlers(directory: StaffDirectory): Pick<Handlers, StaffChannels> {
  return {
    'staff.list': ({ approval }) => directory.list(approval),
    'staff.add': ({ approval, ...input }) => directory.add(input, approval),
    'staff.setActive': ({ operatorId, active, approval }) =>
      directory.setActive(operatorId, active, approval),
    'staff.setPin': ({ operatorId, pin, approval }) => directory.setPin(operatorId, pin, approval),
    'staff.setRole': ({ operatorId, role, pin, approval }) =>
      directory.setRole(operatorId, role, pin, approval),
    'staff.clearLock': ({ operatorId, approval }) => directory.clearLock(operatorId, approval),
  };
}
