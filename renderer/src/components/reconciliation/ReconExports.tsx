// The reconciliation screen's exports: the day as CSV or PDF (main renders it in a worker and writes it under
// the data folder's exports/), the path written shown so the manager knows where to find it. A day with
// nothing reconciled is refused by main (NOT_FOUND) and said so in words with the day, not as "not found".
import { useState } from 'react';
import type { ExportFormat, ExportView } from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { getPos } from '../../platform/pos';
import { TID } from '../../testids';
import { ExportFormatButtons } from '../ExportFormatButtons';

async function exportDay(day: string, format: ExportFormat): Promise<Result<ExportView>> {
  return (await getPos()).recon.export({ day, format });
}

/** the last export's outcome, kept with its day: another day picked shows neither its path nor its refusal */
type Outcome = { readonly day: string } & ({ readonly path: string } | { readonly error: PosError });

export function ReconExports({ day }: { readonly day: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async (format: ExportFormat): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    const r = await exportDay(day, format);
    setBusy(false);
    setOutcome(r.ok ? { day, path: r.value.path } : { day, error: r.error });
  };

  const shown = outcome?.day === day ? outcome : null;
  const written = shown && 'path' in shown ? shown.path : null;
  const error = shown && 'error' in shown ? shown.error : null;
  const message = error && error.code !== 'NOT_FOUND' ? errorMessage(error) : null;
  return (
    <div className="recon-exports" data-testid={TID.reconExports}>
      <ExportFormatButtons
        testId={TID.reconExport}
        label={(format) => t('recon.export', { format })}
        disabled={busy}
        onExport={(format) => void save(format)}
      />
      {busy && <p className="field-hint">{t('recon.exporting')}</p>}
      {written && (
        <p role="status" data-testid={TID.reconExportDone} data-path={written}>
          {t('recon.exported', { path: written })}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid={TID.reconExportError} data-code={error.code}>
          {message ? t(message.key, message.values) : t('recon.exportNothing', { day })}
        </p>
      )}
    </div>
  );
}
