// A <select> over a fixed list of values, typed by the values: the settings and device tabs' one choice control.
interface Props<T extends string> {
  readonly id: string;
  readonly testId: string;
  /** the config path it edits (data-path), where it edits one */
  readonly path?: string;
  readonly invalid?: boolean;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

export function OptionSelect<T extends string>({
  id,
  testId,
  path,
  invalid,
  value,
  options,
  onChange,
}: Props<T>) {
  return (
    <select
      id={id}
      className="input"
      data-testid={testId}
      data-path={path}
      aria-invalid={invalid}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
