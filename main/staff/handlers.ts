// The staff.* channels (the staff screen, each call approved and journalled by the directory) and the
// session.* channels (signing in and out at this till).
import type { Handlers } from '../ipc/dispatcher';
import type { Sessions } from './sessions';
import type { StaffDirectory } from './staff-directory';

export type StaffChannels =
  'staff.list' | 'staff.add' | 'staff.setActive' | 'staff.setPin' | 'staff.setRole' | 'staff.clearLock';
export type SessionChannels =
  'session.signIn' | 'session.signInBadge' | 'session.signOut' | 'session.lock' | 'session.current';

export function staffHandlers(s: {
  readonly directory: StaffDirectory;
  readonly sessions: Sessions;
}): Pick<Handlers, StaffChannels | SessionChannels> {
  const { directory, sessions } = s;
  return {
    'staff.list': ({ approval }) => directory.list(approval),
    'staff.add': ({ approval, ...input }) => directory.add(input, approval),
    'staff.setActive': ({ operatorId, active, approval }) => {
      const list = directory.setActive(operatorId, active, approval);
      if (!active) sessions.operatorDisabled(operatorId); // a disabled cashier sells no more here
      return list;
    },
    'staff.setPin': ({ operatorId, pin, approval }) => directory.setPin(operatorId, pin, approval),
    'staff.setRole': ({ operatorId, role, pin, approval }) =>
      directory.setRole(operatorId, role, pin, approval),
    'staff.clearLock': ({ operatorId, approval }) => directory.clearLock(operatorId, approval),
    'session.signIn': (input) => sessions.signIn(input),
    'session.signInBadge': ({ badge, pin }) => sessions.signInBadge(badge, pin),
    'session.signOut': () => sessions.signOut(),
    'session.lock': () => sessions.lock(),
    'session.current': () => sessions.current(),
  };
}
