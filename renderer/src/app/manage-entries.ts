// The manager's menu (Shift+F2, or "Manage" in the header): every back-office screen, in one list. A screen
// joins the menu by adding its modal kind here; the menu itself only renders this list.
import type { MessageKey } from '../i18n/translate';
import type { ModalState } from './modals';

export interface ManageEntry {
  /** what the entry opens */
  readonly modal: NonNullable<ModalState>;
  readonly label: MessageKey;
  /** one line under the label: what a manager does there */
  readonly hint: MessageKey;
}

export const MANAGE_ENTRIES: readonly ManageEntry[] = [
  { modal: { kind: 'settings' }, label: 'manage.settings', hint: 'manage.settingsHint' },
  { modal: { kind: 'receipts' }, label: 'manage.receipts', hint: 'manage.receiptsHint' },
  { modal: { kind: 'paymentAlerts' }, label: 'manage.paymentAlerts', hint: 'manage.paymentAlertsHint' },
  { modal: { kind: 'printer' }, label: 'manage.printer', hint: 'manage.printerHint' },
  { modal: { kind: 'store' }, label: 'manage.store', hint: 'manage.storeHint' },
  { modal: { kind: 'catalogImport' }, label: 'import.menu', hint: 'import.menuHint' },
  { modal: { kind: 'staff' }, label: 'manage.staff', hint: 'manage.staffHint' },
  { modal: { kind: 'shift' }, label: 'manage.shift', hint: 'manage.shiftHint' },
  { modal: { kind: 'reports' }, label: 'manage.reports', hint: 'manage.reportsHint' },
  { modal: { kind: 'journal' }, label: 'manage.journal', hint: 'manage.journalHint' },
  {
    modal: { kind: 'reconciliation' },
    label: 'manage.reconciliation',
    hint: 'manage.reconciliationHint',
  },
];
