// English: the till's lock screen (idle lock, switch user) and its setting.
export const lock = {
  'lock.title': 'Till locked',
  'lock.unlock': 'Unlock with PIN',
  'lock.switch': 'Switch user',
  'lock.unlockTitle': 'Unlock: {name} ({code}), enter your PIN',
  'lock.switchTitle': 'Switch user: your operator code and PIN. The cart of {name} is kept for them.',
  'lock.idleMinutes': 'Lock the till after idle minutes',
  'lock.idleHint': 'Without keyboard, scanner or touch input; 0 never locks. Empty: 5 minutes.',
  'lock.notMinutes': 'Whole minutes from 0 to 240',
};
