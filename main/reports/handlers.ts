// The report.* channels.
import type { Handlers } from '../ipc/dispatcher';
import type { ReportService } from './report-service';

export type ReportChannels =
  'report.x' | 'report.z' | 'report.list' | 'report.get' | 'report.print' | 'report.export';

const PAGE = 50;

export function reportHandlers(reports: ReportService): Pick<Handlers, ReportChannels> {
  return {
    'report.x': () => reports.x(),
    'report.z': ({ approval }) => reports.z(approval),
    'report.list': ({ beforeZNo, limit }) => reports.list(beforeZNo, limit ?? PAGE),
    'report.get': ({ zNo }) => reports.get(zNo),
    'report.print': ({ zNo }) => reports.print(zNo),
    'report.export': ({ zNo, format }) => reports.export(zNo, format),
  };
}
