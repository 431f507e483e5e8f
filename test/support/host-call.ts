// A dispatch through a test's host that has to succeed: its value, or the test fails naming the channel and why.
import type { Channel, Input, Output } from '../../main/api/contract';
import type { Host } from '../../main/host-types';

export async function call<C extends Channel>(
  h: Pick<Host, 'dispatch'>,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const r = await h.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}
