import { useEffect } from 'react';
import { I18nProvider, useI18n } from '../i18n/context';
import { TID } from '../testids';
import { Toasts } from '../components/Toasts';
import { useSession, type Session } from './use-session';
import { CashierScreen } from './CashierScreen';

export function App() {
  const session = useSession();
  return (
    <I18nProvider locale={session.state.locale} currency={session.state.currency}>
      <Screen session={session} />
    </I18nProvider>
  );
}

function Screen({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const { state, actions, connection } = session;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.title');
  }, [locale, t]);

  const { cart, store } = state;
  let body;
  if (state.phase === 'ready' && actions && cart && store) {
    body = <CashierScreen state={{ ...state, cart, store }} connection={connection} actions={actions} />;
  } else if (state.phase === 'failed') {
    body = (
      <div className="splash">
        <p>{t('app.bootFailed')}</p>
        <button type="button" className="btn btn-primary" onClick={session.retryBoot}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else {
    body = (
      <div className="splash" data-testid={TID.connectionBanner} role="status">
        <p>{t(connection === 'open' ? 'app.loading' : 'app.connecting')}</p>
      </div>
    );
  }
  return (
    <>
      {body}
      <Toasts toasts={state.toasts} onDismiss={(id) => actions?.dismissToast(id)} />
    </>
  );
}
