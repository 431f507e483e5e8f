// "Import catalog" (manager's menu): choose a file, see what main made of it (encoding, what it changes, the
// first rows, every problem with its line), then "Import" → a manager's approval → a progress bar with Cancel
// → what was written. Selling goes on meanwhile: main checks and writes the file in a worker thread.
import { useState, type ChangeEvent } from 'react';
import type {
  Approval,
  BootstrapView,
  ImportPreview,
  ImportProgress,
  ImportResult,
} from '@contract/contract';
import type { PosError } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval } from '../ManagerApproval';
import { Modal } from '../Modal';
import { cancelImport, fileToBase64, onImportProgress, previewImport, runImport } from './import-api';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressView, ImportResultView } from './ImportRunView';

type Step =
  | { readonly step: 'choose'; readonly error: PosError | null; readonly tooLarge: boolean }
  | { readonly step: 'reading' }
  | { readonly step: 'preview'; readonly preview: ImportPreview }
  | { readonly step: 'approve'; readonly preview: ImportPreview }
  | { readonly step: 'running'; readonly preview: ImportPreview }
  | { readonly step: 'result'; readonly result: ImportResult }
  | { readonly step: 'failed'; readonly error: PosError };

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

export function CatalogImportScreen({ trainingApprover, onClose }: Props) {
  const { t } = useI18n();
  const [state, setState] = useState<Step>({ step: 'choose', error: null, tooLarge: false });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const choose = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file chosen again (corrected) is read again
    if (!file) return;
    setState({ step: 'reading' });
    const bytes = await fileToBase64(file);
    if (bytes === null) return setState({ step: 'choose', error: null, tooLarge: true });
    const r = await previewImport(file.name, bytes);
    setState(
      r.ok ? { step: 'preview', preview: r.value } : { step: 'choose', error: r.error, tooLarge: false },
    );
  };

  /**
   * The approved run. The approval dialog waits only until main has accepted the approval (the first progress
   * event, or the answer): from then on the progress bar shows, and the run's answer brings the result.
   */
  const approve =
    (preview: ImportPreview) =>
    async (approval: Approval): Promise<PosError | null> => {
      setProgress(null);
      setCancelling(false);
      let started = false;
      let accepted: (v: null) => void = () => undefined;
      const begin = (): void => {
        if (started) return;
        started = true;
        setState({ step: 'running', preview });
        accepted(null);
      };
      const unsubscribe = await onImportProgress(preview.importId, (p) => {
        setProgress(p);
        begin();
      });
      const answered = runImport(preview.importId, approval).then((r) => {
        unsubscribe();
        if (!r.ok && !started) return r.error;
        begin();
        setState(r.ok ? { step: 'result', result: r.value } : { step: 'failed', error: r.error });
        return null;
      });
      return Promise.race([answered, new Promise<null>((resolve) => (accepted = resolve))]);
    };

  const cancel = (importId: string): void => {
    setCancelling(true);
    void cancelImport(importId);
  };

  if (state.step === 'approve')
    return (
      <ManagerApproval
        title={t('import.approve', { name: state.preview.fileName })}
        trainingApprover={trainingApprover}
        onApprove={approve(state.preview)}
        onDone={() => undefined}
        onCancel={() => setState({ step: 'preview', preview: state.preview })}
      />
    );

  // A preview left unimported: main drops its staged file now rather than when it expires.
  const close = (): void => {
    if (state.step === 'preview') void cancelImport(state.preview.importId);
    onClose();
  };
  const shown = state.step === 'choose' && state.error ? errorMessage(state.error) : null;
  const failed = state.step === 'failed' ? errorMessage(state.error) : null;
  const busy = state.step === 'reading' || state.step === 'running';
  return (
    <Modal title={t('import.title')} onClose={() => !busy && close()} testId={TID.importScreen} size="wide">
      {(state.step === 'choose' || state.step === 'preview' || state.step === 'reading') && (
        <label className="field">
          <span>{t('import.choose')}</span>
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            data-testid={TID.importFile}
            disabled={state.step === 'reading'}
            onChange={(e) => void choose(e)}
          />
        </label>
      )}
      {state.step === 'choose' && <p className="field-hint">{t('import.hint')}</p>}
      {state.step === 'choose' && state.tooLarge && (
        <p className="field-error" role="alert" data-testid={TID.importFailure}>
          {t('import.tooLarge')}
        </p>
      )}
      {shown && state.step === 'choose' && state.error && (
        <p className="field-error" role="alert" data-testid={TID.importFailure} data-code={state.error.code}>
          {t(shown.key, shown.values)}
        </p>
      )}
      {state.step === 'reading' && <p className="field-hint">{t('import.reading')}</p>}
      {(state.step === 'preview' || state.step === 'running') && (
        <ImportPreviewView preview={state.preview} />
      )}
      {state.step === 'running' && (
        <ImportProgressView
          progress={progress}
          cancelling={cancelling}
          onCancel={() => cancel(state.preview.importId)}
        />
      )}
      {state.step === 'result' && <ImportResultView result={state.result} />}
      {failed && state.step === 'failed' && (
        <p className="field-error" role="alert" data-testid={TID.importFailure} data-code={state.error.code}>
          {t(failed.key, failed.values)}
        </p>
      )}
      {!busy && (
        <div className="dialog-buttons">
          <CloseButton onClose={close} />
          {state.step === 'preview' && (
            <button
              type="button"
              className="btn btn-primary"
              data-testid={TID.importRun}
              disabled={state.preview.errorTotal > 0 || state.preview.rowCount === 0}
              onClick={() => setState({ step: 'approve', preview: state.preview })}
            >
              {t('import.run', { rows: state.preview.rowCount })}
            </button>
          )}
        </div>
      )}
    </Modal>
  );
}
