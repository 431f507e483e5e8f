// A running import's progress bar with Cancel, then what it did.
import type { ImportProgress, ImportResult } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

export function ImportProgressView({
  progress,
  onCancel,
  cancelling,
}: {
  readonly progress: ImportProgress | null;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
}) {
  const { t } = useI18n();
  const phase = progress?.phase ?? 'checking';
  const total = Math.max(progress?.total ?? 0, 1);
  const done = Math.min(progress?.done ?? 0, total);
  return (
    <div className="catalog-import-progress">
      <p>{t('import.phase', { phase, done, total: progress?.total ?? 0 })}</p>
      <progress
        data-testid={TID.importProgress}
        data-phase={phase}
        data-done={done}
        data-total={progress?.total ?? 0}
        max={total}
        value={done}
      />
      <div className="dialog-buttons">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid={TID.importCancel}
          disabled={cancelling}
          onClick={onCancel}
        >
          {t(cancelling ? 'import.cancelling' : 'import.cancel')}
        </button>
      </div>
    </div>
  );
}

export function ImportResultView({ result }: { readonly result: ImportResult }) {
  const { t } = useI18n();
  const { counts } = result;
  return (
    <p
      className="catalog-import-result"
      data-testid={TID.importResult}
      data-status={result.status}
      data-written={result.written}
      data-total={result.total}
    >
      {t(result.status === 'done' ? 'import.done' : 'import.cancelled', {
        written: result.written,
        total: result.total,
        added: counts.new,
        changed: counts.updated,
        same: counts.unchanged,
      })}
    </p>
  );
}
