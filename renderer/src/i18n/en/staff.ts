// English: the staff screen (Manage → Staff) and the approval of a discount over the shop's limit.
export const staff = {
  'manage.staff': 'Staff',
  'manage.staffHint': 'Add staff, set PINs and roles, disable, clear locks after wrong PINs',
  'staff.title': 'Staff',
  'staff.approve':
    '{change, select, list {Manager approval: the staff list} add {Manager approval: add {name}} disable {Manager approval: disable {name}} enable {Manager approval: enable {name}} pin {Manager approval: new PIN for {name}} role {Manager approval: new role for {name}} unlock {Manager approval: clear the lock of {name}} other {Manager approval}}',
  'staff.code': 'Code',
  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.state': 'State',
  'staff.roleName':
    '{role, select, cashier {Cashier} supervisor {Supervisor} manager {Manager} owner {Owner} other {{role}}}',
  'staff.active': 'Active',
  'staff.disabled': 'Disabled',
  'staff.lockedUntil': 'locked until {time}',
  'staff.failed': '{count, plural, one {# wrong PIN} other {# wrong PINs}}',
  'staff.lockouts': '{count, plural, one {# lock in a row} other {# locks in a row}}',
  'staff.add': 'Add staff',
  'staff.disable': 'Disable',
  'staff.enable': 'Enable',
  'staff.changePin': 'New PIN',
  'staff.changeRole': 'Role',
  'staff.unlock': 'Clear lock',
  'staff.addTitle': 'Add staff',
  'staff.editTitle': '{kind, select, pin {New PIN: {name}} other {New role: {name}}}',
  'staff.newPin': 'New PIN',
  'staff.pinAgain': 'New PIN again',
  'staff.pinHint':
    'At least {min} digits; not one digit repeated, a run like 1234 or 654321, a repeated pattern, or the operator’s code.',
  'staff.pinMismatch': 'The two PINs differ.',
  'staff.incomplete': 'Fill in every field (the PIN: at least {min} digits).',
  'staff.next': 'Next',
  'staff.pinRefused':
    '{reason, select, tooShort {This PIN is too short: at least {min} digits for this role.} sameDigit {One repeated digit is too easy to guess.} sequence {A PIN that counts up or down is too easy to guess.} repeatedPattern {A repeated pattern is too easy to guess.} operatorCode {The PIN may not be the operator’s code.} other {This PIN cannot be used.}}',
  'staff.conflict':
    '{reason, select, codeTaken {This code is taken.} lastManager {The shop needs at least one active manager or owner.} hasManager {This shop has a manager already.} other {This change cannot be made.}}',
  'discountApproval.title': 'Manager approval: discount of {discount}',
} as const satisfies Record<string, string>;
