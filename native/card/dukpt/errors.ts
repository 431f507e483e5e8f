// One error type for every DUKPT input problem, with a code the CLI and callers can branch on and a
// message that names the exact field and what was wrong with it (lengths, hex digits, counter rules).

export type DukptErrorCode =
  | 'BAD_HEX'
  | 'BAD_LENGTH'
  | 'ZERO_COUNTER'
  | 'TOO_MANY_COUNTER_BITS'
  | 'COUNTER_EXHAUSTED'
  | 'BAD_CIPHERTEXT_LENGTH'
  | 'UNSUPPORTED';

export class DukptError extends Error {
  readonly code: DukptErrorCode;

  constructor(code: DukptErrorCode, message: string) {
    super(message);
    this.name = 'DukptError';
    this.code = code;
  }
}
