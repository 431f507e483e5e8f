// English: Manage → Reports (the X report of the open day, closing the day with a Z, past Zs).
export const reports = {
  'manage.reports': 'Reports',
  'manage.reportsHint': 'X report of the day so far, close the day with a Z report, past Z reports',
  'reports.title': 'Reports',
  'reports.tab': '{tab, select, x {X report} z {Close the day (Z)} other {Past Z reports}}',
  'reports.loading': 'Loading…',
  'reports.heading':
    '{kind, select, z {Z report No. {zNo}} other {X report (nothing is closed)}} · day {dayNo} · {terminal}',
  'reports.training': 'Training: these figures are not real sales.',
  'reports.period': 'From {from} to {to}',
  'reports.takenBy': 'Taken by {name}',
  'reports.sales': 'Sales',
  'reports.figure':
    '{figure, select, count {Sales} items {Items} gross {Gross sales} discounts {Discounts} total {Sales total} tax {Tax in sales} returnsCount {Returns} returns {Returned} returnsTax {Tax returned} net {Net sales} variance {Cash variance} other {Figure}}',
  'reports.taxes': 'Taxes per rate',
  'reports.taxRate': '{rate, number, ::percent .##}: {taxable} taxable, tax {tax}',
  'reports.none': 'None.',
  'reports.tenders': 'Tenders',
  'reports.tender':
    '{kind, select, cash {Cash} card {Card} other {QR}}{brand, select, none {} other { ({brand})}}',
  'reports.tenderCount': '{count, plural, one {# payment} other {# payments}}',
  'reports.change': 'change {amount}',
  'reports.refunded': 'refunded {amount}',
  'reports.cashiers': 'Per cashier',
  'reports.nobody': 'Nobody signed in (training)',
  'reports.cashier':
    '{count, plural, one {# sale} other {# sales}}, {total}; {returns, plural, =0 {no returns} one {# return} other {# returns}}',
  'reports.cashierVoids':
    '{voids, plural, one {# cart voided} other {# carts voided}}, {lineVoids, plural, one {# line voided} other {# lines voided}}',
  'reports.counts': 'Counts',
  'reports.count':
    '{count, select, sales {Sales} items {Items} noSaleOpens {Drawer opened without a sale} reprints {Reprints} overrides {Manager overrides} voids {Carts voided} other {Lines voided}}',
  'reports.offline': 'Card payments taken offline',
  'reports.offlineStored': 'Still stored, not forwarded: {count} ({amount})',
  'reports.offlineDeclined': 'Declined after forwarding: {count} ({amount})',
  'reports.shifts': 'Shifts',
  'reports.shift':
    'Drawer {drawer}: {state, select, open {open} closing {counted, waiting for sign-off} other {closed}}, float {float}',
  'reports.shiftCount': 'expected {expected}, counted {counted}, variance {variance}',
  'reports.signedOff': 'signed off by {name}: {note}',
  'reports.reconciled': 'Settlement days reconciled',
  'reports.reconciledDay':
    'Reconciled: {day} ({resolved, plural, one {# difference} other {# differences}} resolved) at {at}',
  'reports.chain': 'Hash chain',
  'reports.chainLine': 'Journal entry {seq} · previous {prev} · this Z {chain}',
  'reports.zIntro':
    'Closing the day takes a Z report: numbered, final, printed. Every shift must be closed and no payment in doubt.',
  'reports.zTake': 'Close the day',
  'reports.zApprove': 'Manager approval: close the day with a Z report',
  'reports.zRefused': 'The day was not closed. Nothing was changed. Still open:',
  'reports.blocker':
    '{kind, select, shift {The shift on drawer {drawer} is still {state, select, open {open} closing {counted, waiting for a sign-off} other {not closed}}.} payment {A payment of {amount} is in doubt ({state}).} other {A refund of {amount} is in doubt.}}',
  'reports.toShift': 'Shift screen',
  'reports.toAlerts': 'Payment alerts',
  'reports.pastEmpty': 'No Z report yet.',
  'reports.pastRow': 'Z No. {zNo} · {closed} · {count, plural, one {# sale} other {# sales}} · net {net}',
  'reports.print': 'Print',
  'reports.export': 'Export {format, select, csv {CSV} other {PDF}}',
  'reports.printed': 'Sent to the printer.',
  'reports.exported': 'Written: {path}',
} as const satisfies Record<string, string>;
