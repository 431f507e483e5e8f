// Print the report on screen, or export it as CSV or PDF (main writes the file under the data folder's
// exports/ and answers its path, shown here so the manager knows where to find it).
import { useState } from 'react';
import type { ExportFormat } from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';
import { ExportFormatButtons } from '../ExportFormatButtons';
import { exportReport, printReport } from './report-calls';

interface Props {
  /** the Z shown, or null for an X of now */
  readonly zNo: number | null;
  readonly onError: (e: PosError) => void;
}

type Done = { readonly kind: 'printed' } | { readonly kind: 'exported'; readonly path: string };

export function ReportButtons({ zNo, onError }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const run = async (call: () => Promise<Done | PosError>): Promise<void> => {
    setBusy(true);
    setDone(null);
    const answer = await call();
    setBusy(false);
    if ('code' in answer) onError(answer);
    else setDone(answer);
  };
  const print = () =>
    run(async () => {
      const r = await printReport(zNo);
      return r.ok ? { kind: 'printed' } : r.error;
    });
  const save = (format: ExportFormat) =>
    run(async () => {
      const r = await exportReport(zNo, format);
      return r.ok ? { kind: 'exported', path: r.value.path } : r.error;
    });

  return (
    <>
      <div className="settings-actions">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.reportPrint}
          disabled={busy}
          onClick={() => void print()}
        >
          {t('reports.print')}
        </button>
        <ExportFormatButtons
          testId={TID.reportExport}
          label={(format) => t('reports.export', { format })}
          disabled={busy}
          onExport={(format) => void save(format)}
        />
      </div>
      {done && (
        <p role="status" data-testid={TID.reportDone} data-kind={done.kind}>
          {done.kind === 'printed' ? t('reports.printed') : t('reports.exported', { path: done.path })}
        </p>
      )}
    </>
  );
}
