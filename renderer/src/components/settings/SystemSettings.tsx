// Where the till keeps its data and logs (support asks for them), and, while training, the way out of it.
import type { SettingsView } from '@contract/contract';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly view: SettingsView;
  readonly onGoLive: () => void;
}

export function SystemSettings({ view, onGoLive }: Props) {
  const { t } = useI18n();
  return (
    <div className="settings-section">
      <dl className="settings-facts">
        <dt>{t('settings.dataDir')}</dt>
        <dd className="num" data-testid={TID.settingsDataDir}>
          {view.dataDir}
        </dd>
        <dt>{t('settings.logDir')}</dt>
        <dd className="num" data-testid={TID.settingsLogDir}>
          {view.logDir}
        </dd>
        <dt>{t('settings.mode')}</dt>
        <dd>{t(view.training ? 'settings.modeTraining' : 'settings.modeLive')}</dd>
      </dl>
      {view.training && (
        <section className="go-live" data-testid={TID.settingsGoLive}>
          <h3>{t('settings.goLiveTitle')}</h3>
          <p>{t('settings.goLiveBody')}</p>
          {view.managersOnFile === 0 && (
            <p className="payment-notice warn" role="status">
              {t('settings.goLiveNeedsManager')}
            </p>
          )}
          <button
            type="button"
            className="btn btn-danger"
            data-testid={TID.settingsGoLiveButton}
            disabled={view.managersOnFile === 0}
            onClick={onGoLive}
          >
            {t('settings.goLiveButton')}
          </button>
        </section>
      )}
    </div>
  );
}
