import { useState } from 'react';
import type { BootstrapView, StatusView, StoreBackupView, StoreCheckView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import type { ApprovedCall } from '../app/actions';
import { TID } from '../testids';
import { Modal } from './Modal';
import { CloseButton } from './DialogButtons';
import { ManagerApproval } from './ManagerApproval';

interface Props {
  readonly storage: StatusView['storage'] | null;
  /** A whole-store check now (`store.check`, integrity), with a manager's approval; the verdict comes to onResult. */
  readonly onCheck: (onResult: (v: StoreCheckView) => void) => ApprovedCall;
  /** A backup now (`store.backup`), with a manager's approval; the file comes to onResult. */
  readonly onBackup: (onResult: (v: StoreBackupView) => void) => ApprovedCall;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly onClose: () => void;
}

const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/** What a manager can start here; each asks for an approval first. */
const ACTIONS = [
  { mode: 'check', testId: TID.storeCheckNow, label: 'store.checkNow' },
  { mode: 'backup', testId: TID.storeBackupNow, label: 'store.backupNow' },
] as const;

/**
 * The store's health at a glance (a tap on the storage slot): the last background verdict, and a check or a
 * backup on demand. Both run in a worker thread, so the till keeps selling; each needs a manager.
 */
export function StorePanel({ storage, onCheck, onBackup, trainingApprover, onClose }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'info' | 'check' | 'backup'>('info');
  const [check, setCheck] = useState<StoreCheckView | null>(null);
  const [backup, setBackup] = useState<StoreBackupView | null>(null);

  if (mode !== 'info') {
    return (
      <ManagerApproval
        title={t(mode === 'check' ? 'store.approveCheck' : 'store.approveBackup')}
        trainingApprover={trainingApprover}
        onApprove={mode === 'check' ? onCheck(setCheck) : onBackup(setBackup)}
        onDone={() => setMode('info')}
        onCancel={() => setMode('info')}
      />
    );
  }
  const db = check?.database ?? null;
  const journal = check?.journal ?? null;
  return (
    <Modal title={t('store.title')} onClose={onClose} testId={TID.storePanel}>
      <dl className="printer-facts">
        <dt>{t('store.state')}</dt>
        <dd data-testid={TID.storeState} data-state={storage?.state ?? ''}>
          {t('status.storage', { state: storage?.state ?? 'unknown' })}
          {storage?.detail ? ` · ${storage.detail}` : ''}
        </dd>
        {db && (
          <>
            <dt>{t('store.database')}</dt>
            <dd data-testid={TID.storeCheckDatabase} data-ok={String(db.ok)}>
              {db.ok
                ? t('store.databaseOk', { mode: db.mode, seconds: (db.ms / 1000).toFixed(1) })
                : t('store.databaseBad', { problems: db.problems.join('; ') })}
            </dd>
          </>
        )}
        {journal && (
          <>
            <dt>{t('store.journal')}</dt>
            <dd data-testid={TID.storeCheckJournal} data-ok={String(journal.ok)}>
              {journal.ok
                ? t('store.journalOk', { entries: journal.entries })
                : t('store.journalBad', { seq: journal.brokenAt ?? 0, reason: journal.reason ?? '' })}
            </dd>
          </>
        )}
        {backup && (
          <>
            <dt>{t('store.backup')}</dt>
            <dd data-testid={TID.storeBackupFile} data-file={backup.file}>
              {t('store.backupDone', { file: backup.file, mb: mb(backup.bytes) })}
            </dd>
          </>
        )}
      </dl>
      <div className="printer-actions">
        {ACTIONS.map((a, n) => (
          <button
            key={a.mode}
            type="button"
            className={`btn ${n === 0 ? 'btn-primary' : 'btn-secondary'}`}
            data-testid={a.testId}
            autoFocus={n === 0}
            onClick={() => setMode(a.mode)}
          >
            {t(a.label)}
          </button>
        ))}
      </div>
      <p className="field-hint">{t('store.hint')}</p>
      <div className="dialog-buttons">
        <CloseButton onClose={onClose} />
      </div>
    </Modal>
  );
}
