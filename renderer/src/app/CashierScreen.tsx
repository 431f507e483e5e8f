import { useCallback, useRef, useState } from 'react';
import type { CartView, ProductView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { useHotkeys, type HotkeyHandlers } from '../keys/use-hotkeys';
import { keyHint, type HotkeyAction } from '../keys/bindings';
import { takeSwipeCapture } from '../input/swipe-capture';
import { useScanner } from '../input/use-scanner';
import type { ConnectionState } from '../platform/ws-bridge';
import { TID } from '../testids';
import type { Actions } from './actions';
import type { ModalState } from './modals';
import { gateModal } from './till-gate';
import type { SessionState } from './session';
import { ModalHost } from './ModalHost';
import { Header } from '../components/Header';
import { CartPanel } from '../components/CartPanel';
import { TotalsPanel } from '../components/TotalsPanel';
import { SearchBox } from '../components/SearchBox';
import { BarcodeEntry } from '../components/BarcodeEntry';
import { ActionBar } from '../components/ActionBar';
import { PayButton } from '../components/PayButton';
import { AltPayButtons } from '../components/AltPayButtons';
import type { PaymentInput } from '../payments/payment-input';
import { StatusBar } from '../components/StatusBar';
import { SaleComplete } from '../components/SaleComplete';
import { printerInfo } from '../printer/printer-info';
import { SetupOffer } from '../components/settings/SetupOffer';
import { LockScreen } from '../components/LockScreen';
import { useIdleLock } from './use-idle-lock';

/** Focus a field with its text selected, so typing replaces the previous search or code. */
const focusAndSelect = (el: HTMLInputElement | null): void => {
  el?.focus();
  el?.select();
};

interface Props {
  readonly state: SessionState & { cart: CartView; store: StoreInfoView };
  readonly connection: ConnectionState;
  readonly actions: Actions;
}

export function CashierScreen({ state, connection, actions }: Props) {
  const { t, locale } = useI18n();
  const [modal, setModal] = useState<ModalState>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const paymentInput = useRef<PaymentInput | null>(null);
  const { cart, completed, selectedLineId } = state;
  const selected = cart.lines.find((l) => l.lineId === selectedLineId) ?? null;
  const hasLines = cart.lines.length > 0;
  const close = useCallback(() => setModal(null), []);
  const printer = printerInfo(state.status, state.printer);
  // main locked the till (idle, or at a restart while locked): the lock screen covers everything below.
  const signedIn = state.status?.signedIn ?? null;
  const locked = signedIn?.locked === true;
  useIdleLock(state.idleLockMinutes, signedIn !== null && !locked);
  // main refused a sale step until someone signs in or opens a shift: open the dialog that does it, once per
  // refusal (adjusted while rendering, as React advises for state that follows a prop).
  const [gateSeen, setGateSeen] = useState(state.gate?.seq ?? 0);
  if (state.gate && state.gate.seq !== gateSeen) {
    setGateSeen(state.gate.seq);
    setModal(gateModal(state.gate.need));
  }

  const needLine = (open: (lineId: string) => ModalState) => () =>
    selected ? setModal(open(selected.lineId)) : actions.notify('cart.selectFirst');
  const needLines = (run: () => void) => () =>
    hasLines ? run() : actions.notify('error.CART_EMPTY', {}, 'error');

  const handlers: Record<HotkeyAction, () => void> = {
    help: () => setModal({ kind: 'help' }),
    search: () => focusAndSelect(searchRef.current),
    quantity: needLine((lineId) => ({ kind: 'quantity', lineId })),
    lineDiscount: needLine((lineId) => ({ kind: 'lineDiscount', lineId })),
    orderDiscount: needLines(() => setModal({ kind: 'orderDiscount' })),
    barcode: () => focusAndSelect(barcodeRef.current),
    remove: () => (selected ? void actions.removeLine(selected.lineId) : actions.notify('cart.selectFirst')),
    clear: needLines(() => setModal({ kind: 'clear' })),
    locale: () => void actions.setLocale(locale === 'en' ? 'zh-CN' : 'en'),
    tender: needLines(() => setModal({ kind: 'tender' })),
    card: needLines(() => setModal({ kind: 'card' })),
    qr: needLines(() => setModal({ kind: 'qr', code: null })),
    paymentAlerts: () => setModal({ kind: 'paymentAlerts' }),
    manage: () => setModal({ kind: 'manage' }),
    printer: () => setModal({ kind: 'printer' }),
    receipts: () => setModal({ kind: 'receipts' }),
    selectUp: () => actions.moveSelection(-1),
    selectDown: () => actions.moveSelection(1),
  };
  useHotkeys(handlers satisfies HotkeyHandlers, modal === null && completed === null && !locked);

  /** A scanned or typed code: a product, or a customer's payment code, which pays for the cart. */
  const scanCode = async (code: string): Promise<boolean> => {
    const outcome = await actions.scan(code);
    if (outcome !== 'paymentCode') return outcome === 'added' || outcome === 'cardData';
    if (!hasLines) actions.notify('scan.paymentCodeEmptyCart', {}, 'error');
    else setModal({ kind: 'qr', code });
    return true; // either way the code leaves the barcode field
  };

  useScanner({
    scan: (code, terminator) => {
      // A payment dialog waiting for a payment code (or refusing scans) gets it first.
      const target = paymentInput.current?.scan;
      if (target) return target(code, terminator);
      // Adding items under an open payment would change the total being paid: finish or cancel it first.
      if (modal?.kind === 'tender') return actions.notify('scan.blockedDuringTender', {}, 'error');
      if (completed) void actions.newSale();
      void scanCode(code);
    },
    // Card data goes from the reader straight to main through the open card dialog, and nowhere else.
    swipe: (tracks) => {
      const capture = takeSwipeCapture(); // a wedge reader's test swipe in the device settings
      if (capture) return capture.swipe(tracks);
      const target = paymentInput.current?.swipe;
      if (target) target(tracks);
      else actions.notify('scan.cardNeedsDialog', { key: keyHint('card') });
    },
    badSwipe: () => {
      const capture = takeSwipeCapture();
      if (capture) return capture.badSwipe();
      const target = paymentInput.current?.badSwipe;
      if (target) target();
      else actions.notify('scan.cardNeedsDialog', { key: keyHint('card') });
    },
  });

  const onPick = (product: ProductView): void => {
    // Weighed goods need a weight before they can go in the cart.
    if (product.unit === 'kg') setModal({ kind: 'weigh', product });
    else void actions.addProduct(product.id);
  };

  const blocked = modal !== null || completed !== null || locked;
  return (
    <>
      <div className="shell" inert={blocked}>
        <Header
          store={state.store}
          training={state.status?.trainingMode ?? false}
          onToggleLocale={handlers.locale}
          onHelp={handlers.help}
          onManage={handlers.manage}
          signedIn={signedIn}
          onSignIn={() => setModal({ kind: 'signIn' })}
          offer={<SetupOffer onSetUp={() => setModal({ kind: 'settings' })} />}
        />
        {connection !== 'open' && (
          <div className="banner warn" role="alert" data-testid={TID.connectionBanner}>
            {t('app.reconnecting')}
          </div>
        )}
        <main className="main">
          <CartPanel
            cart={cart}
            selectedLineId={selectedLineId}
            flash={state.flash}
            onSelect={actions.selectLine}
          />
          <aside className="side">
            <TotalsPanel cart={cart} />
            <SearchBox inputRef={searchRef} search={actions.search} onPick={onPick} />
            <BarcodeEntry inputRef={barcodeRef} onSubmit={scanCode} />
            <ActionBar run={(a) => handlers[a]()} hasLines={hasLines} hasSelection={selected !== null} />
            <PayButton totalMinor={cart.totals.totalMinor} disabled={!hasLines} onPay={handlers.tender} />
            <AltPayButtons disabled={!hasLines} onCard={handlers.card} onQr={handlers.qr} />
          </aside>
        </main>
        <StatusBar
          status={state.status}
          connection={connection}
          printer={printer}
          onPrinter={handlers.printer}
          onPaymentAlerts={handlers.paymentAlerts}
          onStore={() => setModal({ kind: 'store' })}
          widensPciScope={state.cardReader.widensPciScope}
        />
      </div>
      <div inert={locked}>
        <ModalHost
          modal={modal}
          cart={cart}
          store={state.store}
          trainingApprover={state.trainingApprover}
          printer={printer}
          status={state.status}
          paymentInput={paymentInput}
          actions={actions}
          open={setModal}
          close={close}
        />
        {completed && (
          <SaleComplete
            sale={completed}
            store={state.store}
            printer={printer}
            onReprint={actions.reprintLast}
            receiptImage={actions.receiptImage}
            onNewSale={actions.newSale}
          />
        )}
      </div>
      {signedIn && locked && (
        <LockScreen signedIn={signedIn} trainingApprover={state.trainingApprover} inputRef={paymentInput} />
      )}
    </>
  );
}
