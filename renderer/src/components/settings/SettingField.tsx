// One setting: its label, its input and, after a refused save, main's reason for that path. Every field of
// the settings screen is one of these, so each is found by its config path (data-path) in tests and support.
import type { ReactNode } from 'react';
import { TID } from '../../testids';
import { OptionSelect } from './OptionSelect';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly error: string | undefined;
  readonly hint?: string | undefined;
  readonly children: (id: string, invalid: boolean) => ReactNode;
}

export function SettingField({ path, label, error, hint, children }: Props) {
  const id = `setting-${path.replace(/\./g, '-')}`;
  return (
    <div className="setting" data-path={path}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id, error !== undefined)}
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" role="alert" data-testid={TID.settingsError} data-path={path}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | undefined;
  readonly hint?: string;
  readonly type?: 'text' | 'password' | 'url';
  readonly maxLength?: number;
}

/** A text setting. */
export function TextSetting({
  path,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  maxLength,
}: TextProps) {
  return (
    <SettingField path={path} label={label} error={error} hint={hint}>
      {(id, invalid) => (
        <input
          id={id}
          className="input"
          type={type}
          autoComplete="off"
          spellCheck={false}
          maxLength={maxLength}
          data-testid={TID.settingsField}
          data-path={path}
          aria-invalid={invalid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </SettingField>
  );
}

interface ChoiceProps<T extends string> {
  readonly path: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
  readonly error: string | undefined;
  readonly hint?: string;
}

/** A setting with a fixed set of values. */
export function ChoiceSetting<T extends string>({
  path,
  label,
  value,
  options,
  onChange,
  error,
  hint,
}: ChoiceProps<T>) {
  return (
    <SettingField path={path} label={label} error={error} hint={hint}>
      {(id, invalid) => (
        <OptionSelect
          id={id}
          testId={TID.settingsField}
          path={path}
          invalid={invalid}
          value={value}
          options={options}
          onChange={onChange}
        />
      )}
    </SettingField>
  );
}
