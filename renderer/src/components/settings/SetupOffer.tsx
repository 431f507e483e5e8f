// A new till starts selling in training mode without a single question; a button beside the training badge
// offers the shop's setup until the first settings are saved. It never blocks the sale screen (no dialog).
import { useEffect, useState } from 'react';
import { loadSettings } from '../../settings/setup-api';
import { useI18n } from '../../i18n/context';
import { TID } from '../../testids';

interface Props {
  readonly onSetUp: () => void;
}

export function SetupOffer({ onSetUp }: Props) {
  const { t } = useI18n();
  const [show, setShow] = useState(false);
  useEffect(() => {
    let live = true;
    void loadSettings().then((r) => live && setShow(r.ok && r.value.firstStart));
    return () => {
      live = false;
    };
  }, []);
  if (!show) return null;
  return (
    <div className="setup-offer" role="status" data-testid={TID.setupOffer}>
      <button type="button" className="btn btn-header" title={t('settings.offer')} onClick={onSetUp}>
        {t('settings.offerSetUp')}
      </button>
      <button
        type="button"
        className="btn btn-header"
        aria-label={t('settings.offerLater')}
        onClick={() => setShow(false)}
      >
        ×
      </button>
    </div>
  );
}
