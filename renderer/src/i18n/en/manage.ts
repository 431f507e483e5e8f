// English: the manager's menu (each back-office screen's entry).
export const manage = {
  'manage.title': 'Manage',
  'manage.open': 'Manage',
  'manage.receipts': 'Receipts and refunds',
  'manage.receiptsHint': 'Find a sale, reprint a receipt, refund returned goods',
  'manage.paymentAlerts': 'Payment alerts',
  'manage.paymentAlertsHint': 'Payments whose outcome is unknown, and stored payments the gateway refused',
  'manage.printer': 'Receipt printer',
  'manage.printerHint': 'Printer state, the print queue, a test page',
  'manage.store': 'Store data',
  'manage.storeHint': 'Check the database and the journal, make a backup now',
} as const satisfies Record<string, string>;
