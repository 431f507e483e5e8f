// The value of a successful answer, for tests that call a channel and go on with what it returned.
import type { Result } from '../../main/api/result';

/** `r`'s value; throws (failing the test) on an error answer, naming its code. */
export function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
