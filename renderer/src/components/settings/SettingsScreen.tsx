// The shop's settings (manager): one working copy of config.json edited over a few tabs, saved whole with a
// manager's approval. main checks it with config.json's own schema; a refusal marks each field it names. After
// a save the app restarts to apply it (a running till never half-applies new settings).
import { useEffect, useState } from 'react';
import type { BootstrapView, SettingsSaved, SettingsView } from '@contract/contract';
import type { PosError } from '@contract/result';
import type { PaymentInputSlot } from '../../payments/payment-input';
import { issuesByPath, setIn, type Draft } from '../../settings/draft';
import { goLive, loadSettings, reloadSoon, saveSettings } from '../../settings/setup-api';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../i18n/errors';
import { TID } from '../../testids';
import { Modal } from '../Modal';
import { CloseButton } from '../DialogButtons';
import { ManagerApproval, isApprovalRefusal } from '../ManagerApproval';
import { GatewaySettings, type GatewaySecrets } from './GatewaySettings';
import { PolicySettings } from './PolicySettings';
import { ScannerTest } from './ScannerTest';
import { SETTINGS_TABS, type SettingsTab } from './settings-tabs';
import { TabBar } from '../TabBar';
import { StoreSettings } from './StoreSettings';
import { SystemSettings } from './SystemSettings';
import { TaxSettings } from './TaxSettings';
import { DeviceTab } from './DeviceTab';

interface Props {
  readonly trainingApprover: BootstrapView['trainingApprover'];
  /** the scanner's output, borrowed by the scanner test */
  readonly inputRef: PaymentInputSlot;
  readonly onClose: () => void;
}

type Asking = 'save' | 'goLive' | null;

const NO_SECRETS: GatewaySecrets = { terminalSecret: '', serverCertPem: '' };

export function SettingsScreen({ trainingApprover, inputRef, onClose }: Props) {
  const { t } = useI18n();
  const [view, setView] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [secrets, setSecrets] = useState<GatewaySecrets>(NO_SECRETS);
  const [tab, setTab] = useState<SettingsTab>('store');
  const [asking, setAsking] = useState<Asking>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<PosError | null>(null);
  const [saved, setSaved] = useState<SettingsSaved | null>(null);

  useEffect(() => {
    void loadSettings().then((r) => {
      if (!r.ok) return setProblem(r.error);
      setView(r.value);
      setDraft(r.value.settings);
    });
  }, []);

  const set = (path: string, value: unknown): void => setDraft((d) => (d ? setIn(d, path, value) : d));
  const secretsGiven = {
    ...(secrets.terminalSecret.trim() ? { terminalSecret: secrets.terminalSecret.trim() } : {}),
    ...(secrets.serverCertPem.trim() ? { serverCertPem: secrets.serverCertPem.trim() } : {}),
  };

  /** main's answer to a save or go-live: done (maybe restarting), fields to fix, or a refusal to show. */
  const answered = (
    r: { ok: true; value: SettingsSaved } | { ok: false; error: PosError },
  ): PosError | null => {
    if (r.ok) {
      setSaved(r.value);
      if (r.value.restarting) reloadSoon();
      return null;
    }
    if (isApprovalRefusal(r.error)) return r.error; // the approval dialog shows it and stays open
    setErrors(r.error.code === 'SETTINGS_INVALID' ? issuesByPath(r.error.detail?.['issues']) : new Map());
    setProblem(r.error);
    return null;
  };

  if (asking && draft && view) {
    // While training, a real gateway waits for go-live (main refuses it in a training save).
    const { gateway, ...withoutGateway } = draft;
    return (
      <ManagerApproval
        title={t(asking === 'save' ? 'settings.approveSave' : 'settings.approveGoLive')}
        trainingApprover={asking === 'save' ? trainingApprover : null}
        onApprove={async (approval) =>
          answered(
            asking === 'save'
              ? await saveSettings({
                  approval,
                  settings: view.training ? withoutGateway : draft,
                  ...(view.training ? {} : secretsGiven),
                })
              : await goLive({ approval, ...(gateway ? { gateway } : {}), ...secretsGiven }),
          )
        }
        onDone={() => setAsking(null)}
        onCancel={() => setAsking(null)}
      />
    );
  }

  return (
    <Modal title={t('settings.title')} size="wide" testId={TID.settingsScreen} onClose={onClose}>
      {saved ? (
        <div
          className="payment-notice info"
          role="status"
          data-testid={TID.settingsSaved}
          data-restarting={saved.restarting}
        >
          <p className="payment-headline">
            {t(saved.restarting ? 'settings.restarting' : 'settings.savedRestart')}
          </p>
          <ul>
            {saved.changes.map((c) => (
              <li key={c.path} className="num">
                {c.path}
              </li>
            ))}
          </ul>
        </div>
      ) : !view || !draft ? (
        <p role="status">
          {problem ? t(errorMessage(problem).key, errorMessage(problem).values) : t('settings.loading')}
        </p>
      ) : (
        <>
          {view.firstStart && <p className="payment-notice info">{t('settings.firstStart')}</p>}
          <TabBar
            tabs={SETTINGS_TABS}
            current={tab}
            testId={TID.settingsTab}
            label={(name) => t(`settings.tab.${name}`)}
            onChoose={setTab}
          />
          <div className="settings-body" role="tabpanel">
            {tab === 'store' && <StoreSettings draft={draft} set={set} errors={errors} />}
            {tab === 'store' && <PolicySettings draft={draft} set={set} errors={errors} />}
            {tab === 'taxes' && (
              <TaxSettings
                categories={draft.taxCategories ?? []}
                onChange={(c) => set('taxCategories', c)}
                errors={errors}
              />
            )}
            {tab === 'gateway' && (
              <GatewaySettings
                gateway={draft.gateway}
                set={set}
                secrets={secrets}
                onSecrets={setSecrets}
                onFile={{ terminalSecret: view.terminalSecretSet, serverCert: view.serverCertSet }}
                training={view.training}
                errors={errors}
              />
            )}
            {tab === 'devices' && <DeviceTab draft={draft} set={set} trainingApprover={trainingApprover} />}
            {tab === 'scanner' && <ScannerTest inputRef={inputRef} />}
            {tab === 'system' && <SystemSettings view={view} onGoLive={() => setAsking('goLive')} />}
          </div>
          {problem && (
            <p className="field-error" role="alert" data-testid={TID.dialogError} data-code={problem.code}>
              {t(errorMessage(problem).key, errorMessage(problem).values)}
            </p>
          )}
        </>
      )}
      <div className="dialog-buttons">
        <CloseButton onClose={onClose} />
        {view && draft && !saved && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid={TID.settingsSave}
            onClick={() => {
              setProblem(null);
              setErrors(new Map());
              setAsking('save');
            }}
          >
            {t('settings.save')}
          </button>
        )}
      </div>
    </Modal>
  );
}
