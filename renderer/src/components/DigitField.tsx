// A digits-only field (operator code, PIN): anything else typed or pasted is dropped as it arrives, so the
// value always matches what main accepts. `masked` shows dots (a PIN) and keeps it out of autofill.
import type { RefObject } from 'react';
import { narrowDigits } from '../format/parse';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly masked: boolean;
  readonly invalid: boolean;
  readonly autoFocus?: boolean;
  readonly onFocus: () => void;
  readonly onChange: (digits: string) => void;
}

export function DigitField({
  id,
  label,
  testId,
  inputRef,
  value,
  masked,
  invalid,
  autoFocus = false,
  onFocus,
  onChange,
}: Props) {
  return (
    <div className="digit-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="input input-large num"
        type={masked ? 'password' : 'text'}
        inputMode="numeric"
        // "new-password": browsers neither offer to save nor fill it in.
        autoComplete={masked ? 'new-password' : 'off'}
        spellCheck={false}
        autoFocus={autoFocus}
        data-testid={testId}
        value={value}
        aria-invalid={invalid}
        onFocus={(e) => {
          e.currentTarget.select();
          onFocus();
        }}
        // Full-width digits (a Chinese IME in full-width mode) are digits too: narrowed, not dropped.
        onChange={(e) => onChange(narrowDigits(e.target.value).replace(/\D/g, ''))}
      />
    </div>
  );
}
