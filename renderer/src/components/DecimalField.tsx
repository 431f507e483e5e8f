// The large numeric field of the quantity and discount dialogs: label, input (selected on focus so typing
// replaces it) and the inline error, in one place so both dialogs behave the same.
import { TID } from '../testids';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  /** The message to show, or null when the value is acceptable. */
  readonly error: string | null;
  readonly onChange: (value: string) => void;
}

export function DecimalField({ id, label, testId, value, error, onChange }: Props) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input-large num"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        data-testid={testId}
        value={value}
        aria-invalid={error !== null}
        onChange={(e) => onChange(e.target.value)}
      />
      {error !== null && (
        <p className="field-error" role="alert" data-testid={TID.dialogError}>
          {error}
        </p>
      )}
    </>
  );
}
