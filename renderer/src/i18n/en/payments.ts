// English: card and QR payments.
export const payments = {
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
} as const satisfies Record<string, string>;
