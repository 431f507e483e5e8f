// The report.* channels. A Z and a reprint queue a print job: the print worker is woken once they answer.
import type { Handlers } from '../ipc/dispatcher';
import type { WorkSignal } from '../store/work-signal';
import type { ReportService } from './report-service';

export type ReportChannels =
  'report.x' | 'report.z' | 'report.list' | 'report.get' | 'report.print' | 'report.export';

const PAGE = 50;

export function reportHandlers(
  reports: ReportService,
  work: Pick<WorkSignal, 'after'>,
): Pick<Handlers, ReportChannels> {
  return {
    'report.x': () => reports.x(),
    'report.z': ({ approval }) => work.after(reports.z(approval)),
    'report.list': ({ beforeZNo, limit }) => reports.list(beforeZNo, limit ?? PAGE),
    'report.get': ({ zNo }) => reports.get(zNo),
    'report.print': ({ zNo }) => work.after(reports.print(zNo)),
    'report.export': ({ zNo, format }) => reports.export(zNo, format),
  };
}
