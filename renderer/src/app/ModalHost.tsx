import type { BootstrapView, CartView, StatusView, StoreInfoView } from '@contract/contract';
import { useI18n } from '../i18n/context';
import { localName } from '../format/names';
import { TID } from '../testids';
import type { Actions } from './actions';
import type { ModalState } from './modals';
import { QuantityDialog } from '../components/QuantityDialog';
import { DiscountDialog } from '../components/DiscountDialog';
import { ShiftScreen } from '../components/shift/ShiftScreen';
import { ShiftRequired } from '../components/shift/ShiftRequired';
import { ReportsScreen } from '../components/reports/ReportsScreen';
import { JournalVerifyScreen } from '../components/journal/JournalVerifyScreen';
import { ReconciliationScreen } from '../components/reconciliation/ReconciliationScreen';
import { StaffScreen } from '../components/staff/StaffScreen';
import { SignInDialog } from '../components/SignInDialog';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { TenderDialog } from '../components/TenderDialog';
import { HelpDialog } from '../components/HelpDialog';
import { PrinterPanel } from '../components/PrinterPanel';
import { StorePanel } from '../components/StorePanel';
import { ReceiptsScreen } from '../components/ReceiptsScreen';
import { CardPaymentDialog } from '../components/CardPaymentDialog';
import { QrPaymentDialog } from '../components/QrPaymentDialog';
import { PaymentAlertsScreen } from '../components/PaymentAlertsScreen';
import { ManageMenu } from '../components/ManageMenu';
import { SettingsScreen } from '../components/settings/SettingsScreen';
import { CatalogImportScreen } from '../components/catalog-import/CatalogImportScreen';
import type { PrinterInfo } from '../printer/printer-info';
import type { PaymentInputSlot } from '../payments/payment-input';

interface Props {
  readonly modal: ModalState;
  readonly cart: CartView;
  readonly store: StoreInfoView;
  readonly trainingApprover: BootstrapView['trainingApprover'];
  readonly printer: PrinterInfo | null;
  readonly status: StatusView | null;
  /** the scanner's output, lent to a payment dialog waiting for a card or a payment code */
  readonly paymentInput: PaymentInputSlot;
  readonly actions: Actions;
  /** replace the open dialog with another (printer panel -> receipts screen) */
  readonly open: (modal: ModalState) => void;
  readonly close: () => void;
}

/** Renders whichever dialog is open, wired to the matching action. */
export function ModalHost(props: Props) {
  const { modal, cart, store, trainingApprover, printer, status, paymentInput, actions, open, close } = props;
  const { t, locale } = useI18n();
  if (!modal) return null;
  const lineOf = (lineId: string) => cart.lines.find((l) => l.lineId === lineId);
  switch (modal.kind) {
    case 'quantity': {
      const line = lineOf(modal.lineId);
      if (!line) return null;
      return (
        <QuantityDialog
          productName={localName(locale, line.name, line.nameEn).primary}
          unit={line.unit}
          initialQtyMilli={line.qtyMilli}
          onSubmit={(qtyMilli) => actions.setQuantity(line.lineId, qtyMilli)}
          onClose={close}
        />
      );
    }
    case 'weigh':
      return (
        <QuantityDialog
          productName={localName(locale, modal.product.name, modal.product.nameEn).primary}
          unit={modal.product.unit}
          initialQtyMilli={null}
          onSubmit={(qtyMilli) => actions.addProduct(modal.product.id, qtyMilli)}
          onClose={close}
        />
      );
    case 'lineDiscount': {
      const line = lineOf(modal.lineId);
      if (!line) return null;
      return (
        <DiscountDialog
          lineName={localName(locale, line.name, line.nameEn).primary}
          current={line.discount}
          onSubmit={(d, approval) => actions.setLineDiscount(line.lineId, d, approval)}
          trainingApprover={trainingApprover}
          onClose={close}
        />
      );
    }
    case 'orderDiscount':
      return (
        <DiscountDialog
          lineName={null}
          current={cart.orderDiscount}
          onSubmit={(d, approval) => actions.setOrderDiscount(d, approval)}
          trainingApprover={trainingApprover}
          onClose={close}
        />
      );
    case 'clear':
      return (
        <ConfirmDialog
          title={t('clear.title')}
          body={t('clear.body', { count: cart.lines.length })}
          confirmLabel={t('clear.confirm')}
          testId={TID.clearDialog}
          onConfirm={() => actions.clear()}
          onClose={close}
        />
      );
    case 'tender':
      return (
        <TenderDialog
          cart={cart}
          onTender={async (input) => {
            const r = await actions.tender(input);
            if (r.ok) close();
            return r;
          }}
          onClose={close}
        />
      );
    case 'help':
      return <HelpDialog onClose={close} />;
    case 'printer':
      return (
        <PrinterPanel
          printer={printer}
          refresh={actions.refreshPrinter}
          onReprintLast={actions.reprintLast}
          onOpenDrawer={actions.openDrawer}
          trainingApprover={trainingApprover}
          onReceipts={() => open({ kind: 'receipts' })}
          onClose={close}
        />
      );
    case 'store':
      return (
        <StorePanel
          storage={status?.storage ?? null}
          onCheck={actions.checkStore}
          onBackup={actions.backupStore}
          trainingApprover={trainingApprover}
          onClose={close}
        />
      );
    case 'settings':
      return <SettingsScreen trainingApprover={trainingApprover} inputRef={paymentInput} onClose={close} />;
    case 'signIn':
      return (
        <SignInDialog
          signedIn={status?.signedIn ?? null}
          trainingApprover={trainingApprover}
          inputRef={paymentInput}
          onClose={close}
        />
      );
    case 'shift':
      return <ShiftScreen currency={cart.currency} trainingApprover={trainingApprover} onClose={close} />;
    case 'reports':
      return <ReportsScreen trainingApprover={trainingApprover} open={open} onClose={close} />;
    case 'journal':
      return <JournalVerifyScreen trainingApprover={trainingApprover} onClose={close} />;
    case 'reconciliation':
      return <ReconciliationScreen trainingApprover={trainingApprover} onClose={close} />;
    case 'shiftRequired':
      return <ShiftRequired onOpenShift={() => open({ kind: 'shift' })} onClose={close} />;
    case 'staff':
      return <StaffScreen trainingApprover={trainingApprover} onClose={close} />;
    case 'receipts':
      return (
        <ReceiptsScreen
          store={store}
          currency={cart.currency}
          trainingApprover={trainingApprover}
          actions={actions}
          onClose={close}
        />
      );
    case 'card':
      return (
        <CardPaymentDialog
          cart={cart}
          offline={status?.gateway.state === 'offline'}
          training={status?.trainingMode ?? false}
          trainingApprover={trainingApprover}
          actions={actions}
          inputRef={paymentInput}
          onClose={close}
          onCash={() => open({ kind: 'tender' })}
        />
      );
    case 'qr':
      return (
        <QrPaymentDialog
          cart={cart}
          code={modal.code}
          actions={actions}
          inputRef={paymentInput}
          onClose={close}
          onCash={() => open({ kind: 'tender' })}
        />
      );
    case 'manage':
      return <ManageMenu open={open} onClose={close} />;
    case 'catalogImport':
      return <CatalogImportScreen trainingApprover={trainingApprover} onClose={close} />;
    case 'paymentAlerts':
      return <PaymentAlertsScreen trainingApprover={trainingApprover} actions={actions} onClose={close} />;
  }
}
