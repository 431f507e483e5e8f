// One form for the three changes that need input: a new operator (code, name, role, PIN), a new PIN, a new
// role (with a new PIN when it becomes a manager or owner). The PIN is typed twice; main applies the policy.
import { useRef, useState } from 'react';
import { STAFF_ROLES, pinMinLength, type StaffRole, type StaffView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { Modal, isEnterInField } from '../Modal';
import { DialogButtons } from '../DialogButtons';
import { DigitField } from '../DigitField';
import type { StaffChange } from './staff-changes';

export type StaffFormKind = 'add' | 'pin' | 'role';

interface Props {
  readonly kind: StaffFormKind;
  /** the operator changed (pin, role) */
  readonly op: StaffView | null;
  readonly onSubmit: (change: StaffChange) => void;
  readonly onCancel: () => void;
}

const isSenior = (r: StaffRole): boolean => r === 'manager' || r === 'owner';

/** A digits field with its own ref (the keypad-less form needs no shared target). */
function Digits(p: {
  id: string;
  label: string;
  testId: string;
  value: string;
  max: number;
  masked: boolean;
  invalid: boolean;
  autoFocus?: boolean;
  onChange: (v: string) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <DigitField
      id={p.id}
      label={p.label}
      testId={p.testId}
      inputRef={ref}
      value={p.value}
      masked={p.masked}
      invalid={p.invalid}
      autoFocus={p.autoFocus ?? false}
      onFocus={() => undefined}
      onChange={(v) => p.onChange(v.slice(0, p.max))}
    />
  );
}

export function StaffForm({ kind, op, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>(op?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'incomplete' | 'mismatch' | null>(null);

  // A role change asks for a PIN only when the operator becomes a manager or owner.
  const needsPin = kind !== 'role' || (isSenior(role) && !(op && isSenior(op.role)));
  const min = pinMinLength(role);

  const submit = (): void => {
    if ((kind === 'add' && (code === '' || name.trim() === '')) || (needsPin && pin.length < min)) {
      return setProblem('incomplete');
    }
    if (needsPin && pin !== again) return setProblem('mismatch');
    const withPin = needsPin ? { pin } : {};
    if (kind === 'add') onSubmit({ kind: 'add', code, name: name.trim(), role, pin });
    else if (kind === 'pin' && op) onSubmit({ kind: 'pin', op, pin });
    else if (op) onSubmit({ kind: 'role', op, role, ...withPin });
  };

  const title =
    kind === 'add'
      ? t('staff.addTitle')
      : t('staff.editTitle', { kind, name: `${op?.code ?? ''} ${op?.name ?? ''}` });
  return (
    <Modal
      title={title}
      onClose={onCancel}
      testId={TID.staffForm}
      onKey={(e) => {
        if (!isEnterInField(e)) return false;
        submit();
        return true;
      }}
    >
      {kind === 'add' && (
        <Digits
          id="staff-code"
          label={t('staff.code')}
          testId={TID.staffCode}
          value={code}
          max={6}
          masked={false}
          autoFocus
          invalid={problem !== null && code === ''}
          onChange={(v) => {
            setCode(v);
            setProblem(null);
          }}
        />
      )}
      {kind === 'add' && (
        <label className="field-label">
          {t('staff.name')}
          <input
            className="input"
            data-testid={TID.staffName}
            value={name}
            maxLength={40}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
          />
        </label>
      )}
      {kind !== 'pin' && (
        <label className="field-label">
          {t('staff.role')}
          <select
            className="input"
            data-testid={TID.staffRole}
            value={role}
            autoFocus={kind === 'role'}
            onChange={(e) => setRole(e.target.value as StaffRole)}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t('staff.roleName', { role: r })}
              </option>
            ))}
          </select>
        </label>
      )}
      {needsPin && (
        <Digits
          id="staff-pin"
          label={t('staff.newPin')}
          testId={TID.staffPin}
          value={pin}
          max={8}
          masked
          autoFocus={kind === 'pin'}
          invalid={problem !== null}
          onChange={(v) => {
            setPin(v);
            setProblem(null);
          }}
        />
      )}
      {needsPin && (
        <Digits
          id="staff-pin-again"
          label={t('staff.pinAgain')}
          testId={TID.staffPinAgain}
          value={again}
          max={8}
          masked
          invalid={problem !== null}
          onChange={(v) => {
            setAgain(v);
            setProblem(null);
          }}
        />
      )}
      {needsPin && <p className="field-hint">{t('staff.pinHint', { min })}</p>}
      {problem && (
        <p className="field-error" role="alert" data-testid={TID.dialogError}>
          {t(problem === 'mismatch' ? 'staff.pinMismatch' : 'staff.incomplete', { min })}
        </p>
      )}
      <DialogButtons onCancel={onCancel} onOk={submit} okLabel={t('staff.next')} />
    </Modal>
  );
}
