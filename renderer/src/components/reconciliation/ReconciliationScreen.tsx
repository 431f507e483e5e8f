// Manage → Reconciliation: a business day's settlement (fetched from the gateway or imported from a file)
// against the till's sales, its summary, and every difference with what is known about it, each resolved
// with an action and a note under a manager's approval. The import and the resolve ask for the approval
// here (the prompt replaces the screen while it is up; the screen's state stays).
import { useCallback, useEffect, useState } from 'react';
import type { Approval, BootstrapView, ReconDayView, ReconItemDetail } from '@contract/contract';
import type { PosError, Result } from '@contract/result';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { Modal } from '../Modal';
import { ReconExports } from './ReconExports';
import { ReconItemPanel } from './ReconItemPanel';
import { ReconItemsList } from './ReconItemsList';
import { ReconSummary } from './ReconSummary';
import { ReconToolbar } from './ReconToolbar';
import * as calls from './recon-calls';
import './recon.css';

type Pending =
  | { readonly kind: 'import'; readonly req: calls.ImportRequest }
  | { readonly kind: 'resolve'; readonly req: calls.ResolveRequest; readonly reference: string };

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

export function ReconciliationScreen({ trainingApprover, onClose }: Props) {
  const { t } = useI18n();
  const [day, setDay] = useState(() => calls.yesterday());
  const [view, setView] = useState<ReconDayView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<ReconItemDetail | null>(null);
  const [resolveError, setResolveError] = useState<PosError | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const shown = (r: Result<ReconDayView>): void => {
    if (r.ok) setView(r.value);
    setError(r.ok ? null : r.error);
  };

  useEffect(() => {
    let gone = false;
    void calls.reconDay(day).then((r) => !gone && shown(r));
    return () => {
      gone = true;
    };
  }, [day]);

  const select = useCallback(async (itemId: string): Promise<void> => {
    setSelected(itemId);
    setResolveError(null);
    setDetail(null);
    const r = await calls.reconItem(itemId);
    if (r.ok) setDetail(r.value);
    else setError(r.error);
  }, []);

  const fetchDay = async (): Promise<void> => {
    setBusy(true);
    shown(await calls.reconFetch(day));
    setBusy(false);
  };

  const approve = async (approval: Approval): Promise<PosError | null> => {
    if (!pending) return null;
    if (pending.kind === 'import') {
      const r = await calls.reconImport(pending.req, approval);
      if (!r.ok && isApprovalRefusal(r.error)) return r.error;
      setPending(null);
      shown(r);
      return null;
    }
    const r = await calls.reconResolve(pending.req, approval);
    if (!r.ok && isApprovalRefusal(r.error)) return r.error;
    setPending(null);
    setResolveError(r.ok ? null : r.error);
    if (r.ok) {
      setView(r.value);
      await select(pending.req.itemId);
    }
    return null;
  };

  if (pending) {
    const title =
      pending.kind === 'import'
        ? t('recon.importApprove', { file: pending.req.fileName })
        : t('recon.resolveApprove', { reference: pending.reference });
    return (
      <ManagerApproval
        title={title}
        trainingApprover={trainingApprover}
        onApprove={approve}
        onDone={() => undefined}
        onCancel={() => setPending(null)}
      />
    );
  }

  const message = error ? errorMessage(error) : null;
  const reference = detail?.item.reference ?? '—';
  return (
    <Modal title={t('recon.title')} size="wide" onClose={onClose} testId={TID.reconScreen}>
      <ReconToolbar
        day={day}
        busy={busy}
        onDay={(d) => {
          // another day: nothing of the last one stays on screen while it is read
          setDay(d);
          setView(null);
          setSelected(null);
          setDetail(null);
        }}
        onFetch={() => void fetchDay()}
        onImport={(req) => setPending({ kind: 'import', req })}
      />
      {message && error && (
        <p
          className="field-error"
          role="alert"
          data-testid={TID.reconError}
          data-code={error.code}
          data-line={typeof error.detail?.['line'] === 'number' ? error.detail['line'] : ''}
          data-reason={typeof error.detail?.['reason'] === 'string' ? error.detail['reason'] : ''}
        >
          {t(message.key, message.values)}
        </p>
      )}
      {!view && !error && <p className="field-hint">{t('recon.loading')}</p>}
      {view && view.imports.length === 0 && <p className="field-hint">{t('recon.nothing')}</p>}
      {view && view.imports.length > 0 && (
        <div className="recon-body">
          <ReconSummary view={view} />
          <ReconItemsList items={view.items} selectedId={selected} onSelect={(id) => void select(id)} />
          {selected && !detail && <p className="field-hint">{t('recon.detailLoading')}</p>}
          {detail && (
            <ReconItemPanel
              detail={detail}
              error={resolveError}
              onResolve={(req) => setPending({ kind: 'resolve', req, reference })}
            />
          )}
        </div>
      )}
      <div className="dialog-buttons">
        <ReconExports day={day} />
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
