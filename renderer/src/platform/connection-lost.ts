import { err, type Result } from '@contract/result';

/** What every call gets when the bridge is down: a typed error, never a thrown exception. */
export const connectionLost = (): Result<never> =>
  err('INTERNAL', 'connection lost', { reason: 'connection-lost' });

export const isConnectionLost = (error: {
  code: string;
  detail?: Readonly<Record<string, unknown>>;
}): boolean => error.code === 'INTERNAL' && error.detail?.['reason'] === 'connection-lost';
