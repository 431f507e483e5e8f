// IPC channel names, derived from the contract so main and preload can never disagree.
import type { Channel, EventName } from '../api/contract';

export const INVOKE_PREFIX = 'pos:';
export const EVENT_PREFIX = 'pos:event:';

export const invokeChannel = (channel: Channel): string => `${INVOKE_PREFIX}${channel}`;
export const eventChannel = (event: EventName): string => `${EVENT_PREFIX}${event}`;
