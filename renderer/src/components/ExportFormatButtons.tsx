// One button per export format (CSV, PDF): the reports and reconciliation screens offer the same pair.
import { EXPORT_FORMATS, type ExportFormat } from '@contract/contract';

interface Props {
  readonly testId: string;
  readonly label: (format: ExportFormat) => string;
  readonly disabled: boolean;
  readonly onExport: (format: ExportFormat) => void;
}

export function ExportFormatButtons({ testId, label, disabled, onExport }: Props) {
  return (
    <>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-secondary"
          data-testid={testId}
          data-format={format}
          disabled={disabled}
          onClick={() => onExport(format)}
        >
          {label(format)}
        </button>
      ))}
    </>
  );
}
