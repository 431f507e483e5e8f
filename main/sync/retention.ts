// How long sent outbox rows are kept. A sent row has done its work (the gateway has the sale or the forward;
// the fact itself is in its own table and the journal); kept a while for support, then deleted. Failed rows
// are never deleted here: they wait for a manager.
import type { MaintenanceTask } from '../store/idle-maintenance';
import type { OutboxRepo } from './outbox-repo';

export const SENT_OUTBOX_RETENTION_DAYS = 14;
const BATCH = 200;

export function outboxRetention(repo: OutboxRepo, days = SENT_OUTBOX_RETENTION_DAYS): MaintenanceTask {
  return {
    name: 'outbox',
    step: (now) => repo.pruneSent(new Date(now.getTime() - days * 86_400_000).toISOString(), BATCH),
  };
}
