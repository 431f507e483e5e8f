// One labelled input of the device settings, found in tests by its test id.
import type { ReactNode } from 'react';
import { OptionSelect } from './OptionSelect';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly children: ReactNode;
}

export function DeviceField({ id, label, hint, children }: Props) {
  return (
    <div className="setting">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

/** A fixed set of values (a <select>). */
export function DeviceChoice<T extends string>({
  id,
  label,
  testId,
  value,
  options,
  onChange,
}: ChoiceProps<T>) {
  return (
    <DeviceField id={id} label={label}>
      <OptionSelect id={id} testId={testId} value={value} options={options} onChange={onChange} />
    </DeviceField>
  );
}

/** main's problem code ('no-paper') as the ICU select key of devices.problem ('noPaper'). */
export const problemKey = (problem: string): string =>
  problem.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** What a device test answered, shown under its button. */
export function TestOutcome({ testId, ok, text }: { testId: string; ok: boolean; text: string }) {
  return (
    <p className={ok ? 'field-hint' : 'field-error'} role="status" data-testid={testId} data-ok={String(ok)}>
      {text}
    </p>
  );
}
