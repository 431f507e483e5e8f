// The staff list: code, name, role, whether active, and the lock record (locked until when, wrong PINs, locks
// in a row), with each operator's changes. Every button leads to a manager's approval.
import type { StaffView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import type { StaffFormKind } from './StaffForm';
import type { StaffChange } from './staff-changes';

interface Props {
  readonly operators: readonly StaffView[];
  /** a change that needs no more input (enable, disable, unlock) */
  readonly onChange: (change: StaffChange) => void;
  /** a change that needs a form first (new PIN, new role) */
  readonly onEdit: (kind: StaffFormKind, op: StaffView) => void;
}

const hhmm = (iso: string): string => {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
};

export function StaffTable({ operators, onChange, onEdit }: Props) {
  const { t } = useI18n();
  const button = (label: string, testId: string, onClick: () => void) => (
    <button type="button" className="btn btn-secondary btn-small" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <table className="staff-table">
      <thead>
        <tr>
          <th>{t('staff.code')}</th>
          <th>{t('staff.name')}</th>
          <th>{t('staff.role')}</th>
          <th>{t('staff.state')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {operators.map((op) => (
          <tr
            key={op.operatorId}
            data-testid={TID.staffRow}
            data-code={op.code}
            data-active={String(op.active)}
          >
            <td className="num">{op.code}</td>
            <td>{op.name}</td>
            <td>{t('staff.roleName', { role: op.role })}</td>
            <td data-testid={TID.staffLock} data-locked={String(op.lockedUntil !== null)}>
              {op.active ? t('staff.active') : t('staff.disabled')}
              {op.lockedUntil !== null && ` · ${t('staff.lockedUntil', { time: hhmm(op.lockedUntil) })}`}
              {op.failedAttempts > 0 && ` · ${t('staff.failed', { count: op.failedAttempts })}`}
              {op.lockouts > 0 && ` · ${t('staff.lockouts', { count: op.lockouts })}`}
            </td>
            <td className="staff-actions">
              {op.active
                ? button(t('staff.disable'), TID.staffDisable, () => onChange({ kind: 'disable', op }))
                : button(t('staff.enable'), TID.staffEnable, () => onChange({ kind: 'enable', op }))}
              {button(t('staff.changePin'), TID.staffChangePin, () => onEdit('pin', op))}
              {button(t('staff.changeRole'), TID.staffChangeRole, () => onEdit('role', op))}
              {(op.lockedUntil !== null || op.failedAttempts > 0 || op.lockouts > 0) &&
                button(t('staff.unlock'), TID.staffUnlock, () => onChange({ kind: 'unlock', op }))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
