// English: error codes, as the cashier reads them.
export const errors = {
  'error.INVALID_PAYLOAD': 'The till service rejected the request as malformed. Please try again.',
  'error.FORBIDDEN_SENDER': 'This screen is not allowed to talk to the till service.',
  'error.UNKNOWN_CHANNEL':
    'The till service does not support this action (version mismatch). Please call support.',
  'error.BARCODE_MALFORMED':
    '{reason, select, paymentCode {That is a customer’s payment code, not a product barcode: scan it while the cart has items to take the payment.} zeroValue {Scale label “{code}” shows a weight or price of 0: weigh the item again.} empty {The barcode is empty.} checkDigit {“{code}” has a wrong check digit: scan again or type it.} length {“{code}” has the wrong number of digits (8, 12, 13 or 14 expected).} characters {“{code}” contains characters that are not digits.} other {“{code}” is not a valid barcode.}}',
  'error.BARCODE_UNKNOWN':
    '{reason, select, unitMismatch {Scale label “{code}” carries a weight, but that item is sold per piece. Check the scale set-up.} other {No product has barcode “{code}”.}}',
  'error.CARD_DATA_IN_BARCODE':
    'That was payment card data, not a barcode. It was not kept or shown: take card payments with the card reader.',
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
  'error.SETTINGS_INVALID': 'These settings cannot be saved: see the marked fields.',
  'error.NOTHING_CHANGED': 'Nothing was changed.',
  'error.MODE_CONFLICT': 'Training and live sales would mix; nothing was changed.',
  'error.REAL_MANAGER_REQUIRED':
    'Leaving training mode needs a manager on file (add one under Staff); the training manager cannot approve it.',
  // One answer for an unknown code, a wrong PIN and a PIN of someone not permitted: the prompt confirms nothing.
  'error.APPROVAL_DENIED': 'Wrong operator code or PIN, or not permitted to approve this.',
  'error.APPROVAL_LOCKED':
    '{reason, select, until {Too many wrong PINs: this operator is locked until {time}.} other {Too many wrong PINs: this operator is locked for a while.}}',
  'error.APPROVAL_REQUIRED': 'This needs a manager’s approval.',
  'error.PIN_REFUSED': 'This PIN cannot be used: choose another.',
  'error.STAFF_CONFLICT': 'This staff change cannot be made.',
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
  'error.CARD_READER_NOT_WEDGE':
    'This till’s card reader is not set up as a keyboard-wedge reader, so a swipe typed at the keyboard is refused. Use the configured card reader.',
  'error.CARD_UNREADABLE': 'The card could not be read. Swipe it again.',
  'error.GATEWAY_UNREACHABLE': 'The payment gateway cannot be reached. Nothing was charged.',
  'error.GATEWAY_KEY_UNTRUSTED':
    'The payment gateway offered a card-encryption key that is not the one set up for this till. Card data is not sent; a manager must check the gateway settings.',
  'error.REFUND_NOT_ALLOWED':
    'This refund is not allowed: more than is left to refund of the sale, or a payment that never charged the customer.',
  'error.REFUND_REFUSED':
    '{message, select, none {The payment gateway refused the refund. Nothing was paid back.} other {The payment gateway refused the refund: {message}. Nothing was paid back.}}',
  'error.REFUND_UNKNOWN':
    'No answer from the payment gateway, so the refund may have gone through. Do NOT refund again: it is being checked.',
  'error.SHIFT_ALREADY_OPEN': 'This drawer already has a shift open. Close it before opening another.',
  'error.SHIFT_NOT_OPEN':
    '{state, select, closing {This shift has been counted and is waiting for a manager’s sign-off.} none {No shift is open on this drawer.} other {This step is not possible in the shift’s current state.}}',
  'error.SIGN_IN_REQUIRED': 'Sign in to sell.',
  'error.SHIFT_REQUIRED': 'Open a shift (count the float) to sell: Manage → Shift.',
  'error.Z_REFUSED': 'The day cannot be closed yet: see what is still open below.',
  'error.COUNT_INVALID': 'The cash count is not valid: use whole numbers of the listed notes and coins.',
  'error.SETTLEMENT_INVALID':
    '{reason, select, unknownLayout {This is not a settlement file in a known layout (line {line}).} header {The settlement file’s header changed at column {column} (line {line}): nothing was imported.} encoding {The settlement file is not in its expected encoding (line {line}): nothing was imported.} summary {The settlement file’s totals disagree with its rows (line {line}): nothing was imported.} truncated {The settlement file ends early, without its totals (line {line}): nothing was imported.} other {The settlement file has an error on line {line}: nothing was imported.}}',
  'error.RESOLUTION_NOT_ALLOWED':
    '{reason, select, matched {This payment matches the settlement: there is nothing to resolve.} resolved {This difference has already been resolved.} other {That action does not fit this kind of difference: choose another.}}',
  'error.RECON_ITEM_NOT_FOUND': 'This difference is no longer on the list: the day was reconciled again.',
  'error.INTERNAL':
    '{reason, select, connection {Connection to the till service lost. Reconnecting…} other {Something went wrong. Please try again.}}',
} as const satisfies Record<string, string>;
