// The settings screen's calls to main (setup.*), each answering the raw Result: the screen shows every outcome
// in place. Secrets typed here go out with the one call and are not kept.
import type { GatewayTestView, Input, SettingsSaved, SettingsView } from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../platform/pos';

export const loadSettings = async (): Promise<Result<SettingsView>> => (await getPos()).setup.view({});

export const saveSettings = async (input: Input<'setup.save'>): Promise<Result<SettingsSaved>> =>
  (await getPos()).setup.save(input);

export const testGateway = async (input: Input<'setup.testGateway'>): Promise<Result<GatewayTestView>> =>
  (await getPos()).setup.testGateway(input);

export const goLive = async (input: Input<'setup.goLive'>): Promise<Result<SettingsSaved>> =>
  (await getPos()).setup.goLive(input);

/** After a change the app restarts: reload onto the new host once it had a moment to go down. */
export function reloadSoon(ms = 1500): void {
  window.setTimeout(() => window.location.reload(), ms);
}
