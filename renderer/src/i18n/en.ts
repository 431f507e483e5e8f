// English catalog: the reference key set. zh-CN.ts must have exactly these keys (the type enforces it).
// ICU MessageFormat: {x, plural, ...}, {x, select, ...}, {x, number, ::skeleton}. Use ’ not ' in prose
// (a straight apostrophe can start an ICU quote).
export const en = {
  'app.title': 'CounterPOS',
  'app.connecting': 'Connecting to the till service…',
  'app.loading': 'Loading…',
  'app.reconnecting':
    'Connection to the till service lost. Reconnecting… (sales cannot be completed until it is back)',
  'app.bootFailed': 'The till could not start.',
  'app.retry': 'Try again',

  'header.training': 'TRAINING',
  'header.terminal': 'Till {id}',
  'header.help': 'Help',
  'header.otherLocale': '中文',
  'header.switchLocale': 'Switch language to Chinese',

  'cart.title': 'Cart',
  'cart.col.item': 'Item',
  'cart.col.qty': 'Qty',
  'cart.col.price': 'Price',
  'cart.col.discount': 'Discount',
  'cart.col.total': 'Total',
  'cart.empty': 'Scan an item or search (F2) to start a sale.',
  'cart.count': '{count, plural, =0 {No lines} one {# line} other {# lines}}',
  'cart.perKg': '{price}/kg',
  'cart.discountAmount': '−{amount}',
  'cart.discountPercent': '−{amount} ({pct, number, ::percent .##})',
  'cart.selectFirst': 'Select a cart line first (↑ ↓ or tap it).',

  'qty.each': '{qty, number}',
  'qty.kg': '{qty, number, ::.000} kg',
  'qty.title': 'Quantity: {name}',
  'qty.titleKg': 'Weight: {name}',
  'qty.label': 'Quantity (pieces)',
  'qty.labelKg': 'Weight in kg (up to 3 decimals)',
  'qty.invalid': 'Enter a whole number from 1 to 999999.',
  'qty.invalidKg': 'Enter a weight such as 1.235 (kg, up to 3 decimals).',

  'totals.title': 'Totals',
  'totals.subtotal': 'Subtotal',
  'totals.lineDiscounts': 'Line discounts',
  'totals.orderDiscount': 'Order discount',
  'totals.orderDiscountPercent': 'Order discount ({pct, number, ::percent .##})',
  'totals.minus': '−{amount}',
  'totals.tax': '{name} {rate, number, ::percent .##}',
  'totals.taxIncluded': 'incl. {name} {rate, number, ::percent .##}',
  'totals.due': 'Total due',

  'search.label': 'Search products',
  'search.placeholder': 'Search name, pinyin or SKU',
  'search.none': 'No products match “{query}”.',

  'barcode.label': 'Barcode',
  'barcode.placeholder': 'Type a barcode',
  'barcode.add': 'Add',

  'action.toolbar': 'Cart actions',
  'action.quantity': 'Quantity',
  'action.lineDiscount': 'Line discount',
  'action.orderDiscount': 'Order discount',
  'action.remove': 'Remove line',
  'action.clear': 'Clear cart',
  'action.payCash': 'Pay cash',

  'dialog.ok': 'OK',
  'dialog.cancel': 'Cancel',
  'dialog.close': 'Close',

  'discount.titleLine': 'Discount: {name}',
  'discount.titleOrder': 'Order discount',
  'discount.kind': 'Discount type',
  'discount.amount': 'Amount',
  'discount.percent': 'Percent',
  'discount.labelAmount': 'Discount amount',
  'discount.labelPercent': 'Discount in %',
  'discount.hint': 'Tip: type “10%” for a percentage. Leave empty and press Enter to remove a discount.',
  'discount.remove': 'Remove discount',
  'discount.invalidPercent': 'Enter a percentage from 0 to 100 (up to 2 decimals).',

  'amount.invalid':
    '{reason, select, empty {Enter an amount.} negative {The amount cannot be negative.} notANumber {That is not an amount.} grouping {Misplaced thousands separator: write 1,234.50 or 1234.50.} tooManyDecimals {Too many decimal places.} tooLarge {That amount is too large.} other {That is not a valid amount.}}',

  'clear.title': 'Clear the cart?',
  'clear.body':
    '{count, plural, one {The # line} other {All # lines}} will be removed. This cannot be undone.',
  'clear.confirm': 'Clear cart',

  'keypad.back': '⌫',
  'keypad.clear': 'C',

  'tender.title': 'Cash payment',
  'tender.due': 'Total due',
  'tender.given': 'Cash received (empty = exact amount)',
  'tender.quick': 'Quick amounts',
  'tender.exact': 'Exact',
  'tender.change': 'Change due',
  'tender.short': 'Not enough: {amount} more needed.',
  'tender.confirm': 'Complete sale',
  'tender.working': 'Completing…',
  'tender.retry': 'Retry the same payment',
  'tender.retryHint':
    'The connection dropped during payment, so it is not known whether the sale went through. Retrying sends the identical payment and never charges twice.',

  'complete.title': 'Sale complete',
  'complete.change': 'Change due',
  'complete.newSale': 'New sale',
  'complete.reprint': 'Reprint',
  'complete.receiptWaiting': 'Receipt waiting: {problem}',
  'complete.printedReceipt': 'Printed receipt {no}, as sent to the printer',

  'receipt.title': 'Receipt',
  'receipt.training': '*** TRAINING — NOT A REAL SALE ***',
  'receipt.no': 'Receipt {no}',
  'receipt.qtyAt': '{qty} × {price}',
  'receipt.lineDiscount': 'Discount',
  'receipt.total': 'TOTAL',
  'receipt.cash': 'Cash',
  'receipt.change': 'Change',

  'status.wedgeReader': 'Card reader types clear card data: wider PCI scope',
  'status.wedgeReaderDetail':
    'This keyboard-wedge reader types the card number into this PC. The till encrypts it at once and never stores it, but the PC is in PCI DSS scope. An encrypting reader (e.g. ID TECH SecureMag) keeps card data off the PC.',
  'status.training': 'Training mode',
  'status.live': 'Live',
  'status.gateway':
    'Card terminal: {state, select, online {online} offline {offline} error {error} notConfigured {not configured} other {unknown}}',
  'status.printer':
    'Printer: {state, select, online {ready} offline {offline} error {error} notConfigured {not configured} other {unknown}}',
  'status.printerProblem':
    '{problem, select, paperOut {paper out} coverOpen {cover open} offline {offline} disconnected {disconnected} cutterError {cutter error} error {error} paperNearEnd {paper low} other {problem}}',
  'status.printerWaiting': '{count, plural, one {# receipt waiting} other {# receipts waiting}}',
  'status.printerOpen': 'Printer details (F7)',
  'status.storage': 'Storage: {state, select, ok {OK} error {error} other {unknown}}',
  'status.connection':
    '{state, select, open {Connected} connecting {Connecting…} reconnecting {Reconnecting…} closed {Disconnected} other {Unknown}}',

  'printer.title': 'Printer',
  'printer.state': 'State',
  'printer.problem': 'Problem',
  'printer.noProblem': 'None',
  'printer.queue': 'Queue',
  'printer.queueValue': '{waiting, number} waiting, {printing, number} printing',
  'printer.unknown': 'Unknown',
  'printer.lastError': 'Last error',
  'printer.drawer': 'Cash drawer',
  'printer.drawerState': '{open, select, yes {Open} no {Closed} other {Unknown}}',
  'printer.reprintLast': 'Reprint last receipt',
  'printer.openDrawer': 'Open drawer (no sale)',
  'printer.reprinted': 'The last receipt was sent to the printer again (marked COPY).',

  'drawer.title': 'Open the drawer without a sale',
  'drawer.reason': 'Reason (required, recorded in the journal)',
  'drawer.reasonRequired': 'Enter a reason for opening the drawer.',
  'drawer.confirm': 'Open drawer',
  'drawer.opened': 'Drawer opened. The reason was recorded.',

  'approval.titleNoSale': 'Manager approval: open the drawer without a sale',
  'approval.titleReprint': 'Manager approval: reprint receipt {no}',
  'approval.code': 'Operator code',
  'approval.pin': 'PIN',
  'approval.hint': 'Training mode: manager {code}, PIN {pin}',
  'approval.incomplete': 'Enter the operator code (up to 6 digits) and the PIN (4 to 8 digits).',
  'approval.confirm': 'Approve',
  'approval.working': 'Checking…',

  'history.title': 'Receipts',
  'history.open': 'Receipts (reprint a copy)',
  'history.search': 'Receipt number',
  'history.searchPlaceholder': 'Part of a receipt number',
  'history.searchHint': '1–2 characters: receipts ending with them; 3 or more: anywhere in the number.',
  'history.filters': 'Filters',
  'history.from': 'From day',
  'history.to': 'To day',
  'history.amount': 'Amount',
  'history.last4': 'Card last 4',
  'history.filtersOff': 'Searching by receipt number: clear it to search by day, amount or card.',
  'history.last4Incomplete': 'Enter the card’s last 4 digits.',
  'history.col.no': 'Receipt',
  'history.col.time': 'Time',
  'history.col.total': 'Total',
  'history.col.lines': 'Lines',
  'history.lines': '{count, plural, one {# line} other {# lines}}',
  'history.training': 'Training',
  'history.empty': 'No receipts found.',
  'history.loading': 'Loading…',
  'history.more': 'More',
  'history.noSelection': 'Select a receipt to see it.',
  'history.reprint': 'Reprint copy',
  'history.reprinted': 'A copy of receipt {no} was sent to the printer (marked COPY).',
  'history.keys': '↑ ↓ select · PgDn more · {reprintKey} reprint copy · {refundKey} refund · Esc close',

  'history.refund': 'Refund',
  'history.refunds': 'Refunds of this sale',

  'refund.title': 'Refund: receipt {no}',
  'refund.loading': 'Loading what can be refunded…',
  'refund.receiptNo': 'Original receipt',
  'refund.to': 'Money goes back to',
  'refund.toCash': 'cash from the drawer',
  'refund.toCard': 'the card {card}',
  'refund.blockedOnline':
    'Refunds to {to} go back through the payment gateway, which is offline now. Card and QR refunds are online only: nothing was refunded.',
  'refund.blockedOnlineNext': 'Try again when the status bar shows the card terminal online.',
  'refund.nothingLeft': 'Everything on this receipt has been refunded already.',
  'refund.linesLabel': 'Quantities to return',
  'refund.col.item': 'Item',
  'refund.col.sold': 'Sold',
  'refund.col.refunded': 'Refunded',
  'refund.col.remaining': 'Left',
  'refund.col.return': 'Return',
  'refund.col.amount': 'Refund',
  'refund.less': 'One less: {name}',
  'refund.more': 'One more: {name}',
  'refund.qtyInvalid': '{name}: enter a quantity from 0 to {max}.',
  'refund.all': 'All',
  'refund.total': 'Refund total',
  'refund.reason': 'Reason',
  'refund.reasonName':
    '{reason, select, defective {Defective} wrong_item {Wrong item} not_wanted {No longer wanted} price_error {Price error} other {Other}}',
  'refund.needLines': 'Choose what comes back: a quantity on a line, or All.',
  'refund.needReason': 'Choose a reason for the refund.',
  'refund.confirm': 'Refund {amount}',
  'refund.earlier': 'Earlier refunds of this sale',
  'refund.state':
    '{state, select, sending {Sending} completed {Refunded} failed {Refused} unknown {Outcome unknown} other {Unknown}}',
  'refund.keys': '{allKey} all · ↑ ↓ in a quantity: one more / less · Enter refund · Esc close',
  'refund.doneTitle': 'Refund {no} completed',
  'refund.doneCash': 'Give {amount} back in cash: the drawer opens.',
  'refund.doneCard': '{amount} refunded to the card {card}.',
  'refund.doneQr': '{amount} refunded to the customer’s {scheme} account.',
  'refund.slip': 'The refund slip is printing.',
  'refund.unknownTitle': 'Refund outcome unknown: do NOT refund again',
  'refund.unknownBody':
    'The refund was sent to the payment gateway but no answer came back, so the money may already be on its way back to the customer. It is being checked; “Check now” asks the gateway again.',
  'refund.stillUnknown': 'Checked: still no answer. The refund stays being checked.',
  'approval.titleRefund': 'Manager approval: refund {amount} of receipt {no}',

  'scan.blockedDuringTender': 'Finish or cancel the payment (Esc) before scanning more items.',

  'action.payCard': 'Card',
  'action.payQr': 'QR code',

  'card.title': 'Card payment',
  'card.swipe': 'Swipe the card',
  'card.offlineNote':
    'The card terminal is offline: this payment will be stored and sent later. Ask the customer for a phone number or e-mail first.',
  'card.storedLater': 'Offline: the payment is stored on this till and sent when the gateway is back.',
  'card.contactLabel': 'Customer’s phone or e-mail (required offline)',
  'card.contactNext': 'Continue',
  'card.testCards': 'Training: swipe a test card',
  'card.testCard':
    '{card, select, visa {Visa} unionpay {UnionPay} mastercard {Mastercard} decline {Declined card} stolen {Stolen card} expired {Expired card} badRead {Bad read} other {Test card}}',
  'card.tryAnother': 'Try another card',
  'card.cancel': 'Cancel payment',

  'qr.title': 'QR code payment',
  'qr.scan': 'Scan the customer’s payment code',
  'qr.codeLabel': 'Or type the code under it',
  'qr.invalid': 'A payment code is 16 to 24 digits.',
  'qr.pay': 'Take payment',
  'qr.again': 'Scan a new code',

  'payment.working': 'Sending the payment…',
  'payment.userPaying': 'Waiting for the customer to confirm on the phone…',
  'payment.declinedNext': 'Nothing was charged. Try another card, or take cash.',
  'payment.unknownTitle': 'Outcome unknown: do NOT take payment again',
  'payment.unknownBody':
    'The payment was sent but no answer came back, so the customer may have been charged. It is being checked; “Check now” asks the gateway again.',
  'payment.checkNow': 'Check now',
  'payment.checking': 'Checking…',
  'payment.checkFailed': 'The gateway could not be asked. The payment stays unknown; try again shortly.',
  'payment.notReady': 'No card payment is waiting for a card right now.',
  'payment.override': 'Manager override',
  'payment.payCash': 'Pay cash instead',
  'payment.scheme':
    '{scheme, select, wechat {WeChat Pay} alipay {Alipay} unionpay {UnionPay QuickPass} other {QR payment}}',
  'payment.state':
    '{state, select, created {Waiting for card} authorizing {Authorising} approved {Approved} declined {Declined} unknown {Outcome unknown} user_paying {Customer confirming} reversing {Reversing} cancelled {Cancelled} stored {Stored offline} forwarding {Sending} forward_unknown {Sent, outcome unknown} forward_approved {Sent, approved} forward_declined {Declined after sending} expired {Expired, never sent} other {Unknown}}',

  'recovery.title': 'Payment alerts',
  'recovery.empty': 'Nothing needs attention.',
  'recovery.deadline': 'send by {time}',
  'recovery.acknowledge': 'Acknowledge',
  'recovery.acknowledged': 'Acknowledged. The alert is closed.',
  'recovery.checked':
    '{outcome, select, approved {Checked: the payment was approved.} stored {Checked: the payment is stored.} declined {Checked: the payment was declined.} pending {Checked: still in progress.} other {Checked: still unknown.}}',
  'recovery.keys': '↑ ↓ select · {checkKey} check now · {ackKey} acknowledge · Esc close',
  'recovery.refunds': 'Refunds being checked',
  'recovery.refundReceipt': 'receipt {no}',
  'recovery.refundState':
    '{state, select, sending {Sending} unknown {No answer yet: being looked up; do NOT refund again} other {Being checked}}',
  'recovery.refundCompleted': 'Refund {no} completed: {amount} paid back.',
  'recovery.refundFailed':
    '{message, select, none {Refund {no} failed: the gateway refused it. Nothing was paid back.} other {Refund {no} failed: {message}. Nothing was paid back.}}',
  'recovery.refundStillUnknown': 'Refund {no}: still no answer. It stays being checked; do NOT refund again.',

  'approval.titleOfflineLimit': 'Manager approval: take {amount} offline over the limit',
  'approval.titleAcknowledge': 'Manager approval: acknowledge the payment of {amount}',

  'complete.paidCard': 'Paid by card',
  'complete.paidQr': 'Paid by QR code',
  'complete.storedOffline': 'Stored offline: the payment will be sent when the gateway is back.',

  'receipt.card': 'Card {card}',
  'receipt.authCode': 'Auth code {code}',
  'receipt.storedOffline': 'Stored offline, to be sent',

  'status.pending': '{count, plural, one {# offline payment} other {# offline payments}}, {amount}',
  'status.pendingAge': '{h, plural, =0 {oldest {m} min ago} other {oldest #h ago}}',
  'status.pendingLeft': 'send within {h}h {m}m',
  'status.pendingOverdue': 'send deadline passed',
  'status.separator': ', ',
  'status.alerts': '{count, plural, one {# payment alert} other {# payment alerts}}',

  'scan.cardNeedsDialog': 'To pay by card, press {key} first, then swipe. The card was not read.',
  'scan.paymentCodeEmptyCart': 'That is a customer’s payment code. Add the items first, then scan it.',

  'toast.dismiss': 'Dismiss',

  'help.title': 'Keyboard shortcuts',
  'help.help': 'Show this help',
  'help.search': 'Search products (name, pinyin, SKU)',
  'help.quantity': 'Change quantity or weight of the selected line',
  'help.lineDiscount': 'Discount on the selected line',
  'help.orderDiscount': 'Discount on the whole order',
  'help.barcode': 'Type a barcode by hand',
  'help.remove': 'Remove the selected line (Delete only outside text fields)',
  'help.clear': 'Clear the cart (asks first)',
  'help.locale': 'Switch language 中文 / English',
  'help.tender': 'Take cash payment',
  'help.printer': 'Printer: status, reprint the last receipt, open the drawer',
  'help.receipts': 'Receipts: past sales, reprint a copy (manager approval)',
  'help.card': 'Take card payment (swipe, or test cards in training)',
  'help.qr': 'Take a QR-code payment (WeChat Pay, Alipay, UnionPay)',
  'help.paymentAlerts': 'Payment alerts: unknown, declined after sending, expired (manager)',
  'help.selectUp': 'Select the previous line',
  'help.selectDown': 'Select the next line',
  'help.global': 'Anywhere on the sale screen',
  'help.inDialogs': 'In dialogs and fields',
  'help.ctx.enter': 'Confirm / add the highlighted result / start a new sale',
  'help.ctx.escape': 'Cancel the dialog / clear the search',
  'help.ctx.results': 'Move through search results',
  'help.ctx.quick': 'Cash dialog: pick a quick amount (exact first)',
  'help.ctx.tenderF12': 'Cash dialog: complete the sale (so F12, F12 = exact cash)',
  'help.ctx.reprint': 'Sale complete: print the receipt again',
  'help.ctx.percent': 'Discount dialog: a trailing % means a percentage',
  'help.ctx.cardCash': 'Card or QR dialog, after a decline or refusal: take cash instead',
  'help.ctx.checkNow': 'Payment alerts: look an unknown payment or refund up at the gateway now',
  'help.ctx.acknowledge':
    'Payment alerts: acknowledge a decline after sending or an expired payment (manager)',
  'help.ctx.refund': 'Receipts screen: refund returned goods of the selected sale (manager approval)',
  'help.ctx.refundAll': 'Refund dialog: return everything that is left',
  'help.scanner': 'The barcode scanner works at any time; no field needs to be selected.',

  'error.INVALID_PAYLOAD': 'The till service rejected the request as malformed. Please try again.',
  'error.FORBIDDEN_SENDER': 'This screen is not allowed to talk to the till service.',
  'error.UNKNOWN_CHANNEL':
    'The till service does not support this action (version mismatch). Please call support.',
  'error.BARCODE_MALFORMED':
    '{reason, select, paymentCode {That is a customer’s payment code, not a product barcode: scan it while the cart has items to take the payment.} zeroValue {Scale label “{code}” shows a weight or price of 0: weigh the item again.} empty {The barcode is empty.} checkDigit {“{code}” has a wrong check digit: scan again or type it.} length {“{code}” has the wrong number of digits (8, 12, 13 or 14 expected).} characters {“{code}” contains characters that are not digits.} other {“{code}” is not a valid barcode.}}',
  'error.BARCODE_UNKNOWN':
    '{reason, select, unitMismatch {Scale label “{code}” carries a weight, but that item is sold per piece. Check the scale set-up.} other {No product has barcode “{code}”.}}',
  'error.PRODUCT_NOT_FOUND': 'That product no longer exists in the catalog.',
  'error.LINE_NOT_FOUND': 'That cart line no longer exists; the cart has been refreshed.',
  'error.CART_EMPTY': 'The cart is empty.',
  'error.CART_STALE': 'The cart changed while paying. Check the total and take payment again.',
  'error.DISCOUNT_INVALID': 'That discount is not allowed (more than the amount, or over 100 %).',
  'error.QUANTITY_INVALID': 'That quantity is not allowed.',
  'error.TENDER_INSUFFICIENT': 'The cash received is less than the total due.',
  'error.CSV_INVALID':
    '{count, plural, =0 {The catalog file is invalid.} one {The catalog file has an error on line {lines}.} other {The catalog file has errors on # lines: {lines}.}}',
  'error.STORAGE_FULL': 'The disk is full: nothing was saved. Free up space, then try again.',
  'error.STORAGE_BUSY': 'The database is busy (another program is using it). Try again in a moment.',
  'error.STORAGE_CORRUPT': 'The database is damaged. Stop selling on this till and call support.',
  'error.CONFIG_CORRUPT':
    'The till’s settings file is unreadable. It was left untouched; please call support.',
  'error.CONFIG_MISSING':
    'The till’s settings file is missing beside its sales data. Nothing was changed; please call support.',
  'error.STORAGE_TOO_NEW':
    'The database was written by a newer version of CounterPOS. Update this till; the data was left untouched.',
  'error.NOT_FOUND': 'Not found.',
  'error.APPROVAL_DENIED':
    '{reason, select, notPermitted {This operator may not approve this.} counted {Wrong operator code or PIN: {attemptsLeft, plural, one {# try} other {# tries}} left.} other {Wrong operator code or PIN.}}',
  'error.APPROVAL_LOCKED':
    '{reason, select, until {Too many wrong PINs: this operator is locked until {time}.} other {Too many wrong PINs: this operator is locked for a while.}}',
  'error.CART_LOCKED':
    'A card or QR payment for this sale is still in progress or unresolved. Finish or resolve it first.',
  'error.PAYMENT_STATE_CHANGED': 'This payment changed meanwhile. Its current state is shown.',
  'error.PAYMENT_DECLINED':
    '{message, select, none {Payment declined.} other {Payment declined: {message}.}}',
  'error.PAYMENT_UNKNOWN':
    'No answer from the payment gateway, so the customer may have been charged. Do NOT take the payment again: it is being checked. Managers see it under payment alerts.',
  'error.OFFLINE_LIMIT':
    '{limit, select, perPayment {Offline card payments are limited to {cap} each.} total {Offline card payments waiting to be sent would exceed {cap} in total.} count {Too many offline card payments are waiting to be sent ({cap}).} entryMode {This card entry method is not allowed offline.} brand {This card brand is not accepted offline.} other {This payment is over the offline limits.}} {overridable, select, yes {A manager can approve going over it.} other {Take another card or cash.}}',
  'error.ONLINE_ONLY':
    'This needs the payment gateway, which cannot be reached now (refunds and QR payments are online only).',
  'error.CONTACT_REQUIRED':
    'The gateway is offline: ask the customer for a phone number or e-mail before taking the card.',
  'error.CARD_UNREADABLE': 'The card could not be read. Swipe it again.',
  'error.GATEWAY_UNREACHABLE': 'The payment gateway cannot be reached. Nothing was charged.',
  'error.REFUND_NOT_ALLOWED':
    'This refund is not allowed: more than is left to refund of the sale, or a payment that never charged the customer.',
  'error.REFUND_REFUSED':
    '{message, select, none {The payment gateway refused the refund. Nothing was paid back.} other {The payment gateway refused the refund: {message}. Nothing was paid back.}}',
  'error.REFUND_UNKNOWN':
    'No answer from the payment gateway, so the refund may have gone through. Do NOT refund again: it is being checked.',
  'error.INTERNAL':
    '{reason, select, connection {Connection to the till service lost. Reconnecting…} other {Something went wrong. Please try again.}}',
} as const satisfies Record<string, string>;
