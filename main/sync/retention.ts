// How long sent outbox rows are kept. A sent row has done its work (the gateway has the sale or the forward;
// the fact itself is in its own table and the journal); kept a while for support, then deleted. Failed rows
// are never deleted here: they wait for a manager.
import { retentionTask, type MaintenanceTask } from '../store/idle-maintenance';
import type { OutboxRepo } from '../outbox/outbox-repo';

export const SENT_OUTBOX_RETENTION_DAYS = 14;

export const outboxRetention = (repo: OutboxRepo, days = SENT_OUTBOX_RETENTION_DAYS): MaintenanceTask =>
  retentionTask('outbox', days, repo.pruneSent);
