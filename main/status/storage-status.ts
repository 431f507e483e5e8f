// What the status bar's storage item says, from the journal check at start-up and the last background checks
// (main/health/maintenance.ts): 'error' naming the problem when any of them failed, else 'ok' saying when the
// store was last checked. A failure stays shown until a later check passes: it is persisted, not just logged.
import type { StatusView } from '../api/contract';
import type { JournalVerdict } from '../audit/journal';
import type { MaintenanceReport } from '../health/maintenance';
import type { StatusService } from './status-service';

export type StorageStatus = StatusView['storage'];

/** Local wall-clock time, minutes: what the shop reads on the status bar's tooltip. */
export function shopTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function storageStatus(
  journalAtStart: JournalVerdict | null,
  report: MaintenanceReport,
): StorageStatus {
  const problems: string[] = [];
  if (journalAtStart !== null && !journalAtStart.ok)
    problems.push(`journal broken at entry ${journalAtStart.seq}: ${journalAtStart.reason}`);
  const { database, journal } = report;
  if (database !== null && !database.ok) {
    problems.push(
      `database ${database.mode}_check at ${shopTime(database.at)} found: ${database.problems.join('; ')}`,
    );
  }
  if (journal !== null && !journal.ok) {
    problems.push(
      `full journal walk at ${shopTime(journal.at)}: broken at entry ${journal.brokenAt ?? '?'}: ${journal.reason ?? ''}`,
    );
  }
  if (problems.length > 0) return { state: 'error', detail: problems.join(' | ') };
  if (database === null)
    return { state: 'ok', detail: 'not checked yet (the first check runs in the background)' };
  const walked =
    journal === null ? '' : `; journal verified (${journal.entries} entries) ${shopTime(journal.at)}`;
  return { state: 'ok', detail: `checked ${shopTime(database.at)} (${database.mode}_check)${walked}` };
}

/** Publishes the storage item from each maintenance report, with the start-up journal verdict kept beside. */
export function storagePublisher(
  status: Pick<StatusService, 'setStorage'>,
  journalAtStart: JournalVerdict | null,
): (report: MaintenanceReport) => void {
  return (report) => {
    const s = storageStatus(journalAtStart, report);
    status.setStorage(s.state, s.detail);
  };
}
