// English: Manage → Shift (open with a float, cash in and out, the blind close, the variance's sign-off).
export const shift = {
  'manage.shift': 'Shift and cash',
  'manage.shiftHint':
    'Open a shift with a counted float, pay in or out, drop to the safe, close with a blind count',
  'shift.title': 'Shift and cash',
  'shift.state':
    '{state, select, open {The shift is open.} closing {Counted: waiting for a manager’s sign-off.} closed {The shift is closed.} other {No shift is open on this drawer.}}',
  'shift.open': 'Open shift',
  'shift.move': 'Cash in or out',
  'shift.close': 'Close shift',
  'shift.signOff': 'Sign off',
  'shift.float': 'Float',
  'shift.movements': 'Cash movements',
  'shift.noMovements': 'No cash moved yet.',
  'shift.kind':
    '{kind, select, paid_in {Paid in} paid_out {Paid out} drop {Safe drop} other {Cash movement}}',
  'shift.approvedBy': 'approved by {name}',
  'shift.countTitle': '{purpose, select, float {Count the float} other {Blind count}}',
  'shift.countHint':
    '{purpose, select, float {Count the notes and coins put in the drawer.} other {Count everything in the drawer. The expected amount is shown only after the count.}}',
  'shift.denomination': '{kind, select, note {{value} note} other {{value} coin}}',
  'shift.countTotal': 'Counted: {amount}',
  'shift.countInvalid': 'Counts are whole numbers of pieces.',
  'shift.countOk': '{purpose, select, float {Open shift} other {Submit count}}',
  'shift.moveKind': 'Kind',
  'shift.amount': 'Amount ({currency})',
  'shift.reason': 'Reason',
  'shift.moveProblem': '{problem, select, amount {Type an amount above zero.} other {Give a reason.}}',
  'shift.moveOk': 'Record',
  'shift.part':
    '{part, select, floatMinor {Float} cashReceivedMinor {Cash received} changeGivenMinor {Change given} cashRefundsMinor {Cash refunds} paidInMinor {Paid in} paidOutMinor {Paid out} other {Safe drops}}',
  'shift.expected': 'Expected',
  'shift.counted': 'Counted',
  'shift.variance': 'Variance',
  'shift.needsSignOff': 'The variance is over the limit: a manager signs it off with a note.',
  'shift.signedOff': 'Signed off by {name}: {note}',
  'shift.note': 'Note',
  'shift.approve':
    '{step, select, open {Approval: a float this large} move {Approval: cash movement of {amount}} other {Manager sign-off of the variance}}',
  'shift.requiredTitle': 'Open a shift to sell',
  'shift.requiredBody': 'No shift is open on this drawer. Count the float and open a shift, then scan again.',
  'shift.requiredOpen': 'Open the shift screen',
} as const satisfies Record<string, string>;
