// The staff screen's changes as data: each is sent with one manager's approval (main/staff/staff-directory.ts)
// and answers the whole list. PINs live only in a pending change, which is dropped once it was sent.
import type { Approval, StaffListView, StaffRole, StaffView } from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

export type StaffChange =
  | { readonly kind: 'list' }
  | {
      readonly kind: 'add';
      readonly code: string;
      readonly name: string;
      readonly role: StaffRole;
      readonly pin: string;
    }
  | { readonly kind: 'enable' | 'disable' | 'unlock'; readonly op: StaffView }
  | { readonly kind: 'pin'; readonly op: StaffView; readonly pin: string }
  | { readonly kind: 'role'; readonly op: StaffView; readonly role: StaffRole; readonly pin?: string };

/** Sends one change with its approval. */
export async function sendChange(change: StaffChange, approval: Approval): Promise<Result<StaffListView>> {
  const { staff } = await getPos();
  switch (change.kind) {
    case 'list':
      return staff.list({ approval });
    case 'add':
      return staff.add({
        code: change.code,
        name: change.name,
        role: change.role,
        pin: change.pin,
        approval,
      });
    case 'enable':
    case 'disable':
      return staff.setActive({
        operatorId: change.op.operatorId,
        active: change.kind === 'enable',
        approval,
      });
    case 'unlock':
      return staff.clearLock({ operatorId: change.op.operatorId, approval });
    case 'pin':
      return staff.setPin({ operatorId: change.op.operatorId, pin: change.pin, approval });
    case 'role':
      return staff.setRole({
        operatorId: change.op.operatorId,
        role: change.role,
        ...(change.pin === undefined ? {} : { pin: change.pin }),
        approval,
      });
  }
}

/** The name the approval dialog's title gives the change. */
export const changeSubject = (change: StaffChange): string =>
  change.kind === 'list' ? '' : change.kind === 'add' ? change.name : `${change.op.code} ${change.op.name}`;
