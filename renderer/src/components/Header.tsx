import type { ReactNode } from 'react';
import type { Locale, SignedInStatus, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { localName } from '../format/names';
import { keyHint } from '../keys/bindings';
import { TID } from '../testids';

interface Props {
  readonly store: StoreInfoView;
  readonly training: boolean;
  readonly onToggleLocale: () => void;
  readonly onHelp: () => void;
  readonly onManage: () => void;
  /** who is signed in (the button shows their name), and the sign-in dialog */
  readonly signedIn: SignedInStatus | null;
  readonly onSignIn: () => void;
  /** a one-line offer beside the training badge (the first start's setup) */
  readonly offer?: ReactNode;
}

const other = (l: Locale): Locale => (l === 'en' ? 'zh-CN' : 'en');

export function Header({
  store,
  training,
  onToggleLocale,
  onHelp,
  onManage,
  signedIn,
  onSignIn,
  offer,
}: Props) {
  const { t, locale } = useI18n();
  const name = localName(locale, store.name, store.nameEn);
  return (
    <header className="header">
      <div className="brand">
        <span className="store-name" data-testid={TID.storeName}>
          {name.primary}
        </span>
        {name.secondary && <span className="store-sub">{name.secondary}</span>}
        <span className="terminal">{t('header.terminal', { id: store.terminalId })}</span>
      </div>
      {training && (
        <span className="badge badge-training" data-testid={TID.trainingBadge}>
          {t('header.training')}
        </span>
      )}
      {offer}
      <div className="header-actions">
        <button
          type="button"
          className="btn btn-header"
          data-testid={TID.signInButton}
          data-code={signedIn?.code ?? ''}
          onClick={onSignIn}
        >
          {signedIn ? signedIn.name : t('signin.open')}
        </button>
        <button type="button" className="btn btn-header" data-testid={TID.manageButton} onClick={onManage}>
          <kbd>{keyHint('manage')}</kbd> {t('manage.open')}
        </button>
        <button type="button" className="btn btn-header" data-testid={TID.helpButton} onClick={onHelp}>
          <kbd>{keyHint('help')}</kbd> {t('header.help')}
        </button>
        <button
          type="button"
          className="btn btn-header"
          data-testid={TID.localeSwitch}
          data-locale={locale}
          lang={other(locale)}
          aria-label={t('header.switchLocale')}
          onClick={onToggleLocale}
        >
          <kbd>{keyHint('locale')}</kbd> {t('header.otherLocale')}
        </button>
      </div>
    </header>
  );
}
