// Customer-presented payment codes: recognising them in scanner input and masking them for logs.
export { classifyScan, type GtinLength, type ScanClass } from './classify';
export { maskPaymentCode } from './mask';
export { PAYMENT_CODE_SHAPES, paymentScheme, type PaymentCodeShape, type PaymentScheme } from './schemes';
