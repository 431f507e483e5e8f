// The Reports screen's calls to main (main/reports/), each answering main's Result as it is: the screen decides
// what an error means where it happens (a Z_REFUSED lists its blockers, an approval refusal stays in the prompt).
import type {
  Approval,
  ExportFormat,
  ExportView,
  PrintJobRef,
  ReportView,
  ZSummaryView,
} from '@contract/contract';
import type { Result } from '@contract/result';
import { getPos } from '../../platform/pos';

/** A report on screen is an X of now (zNo null) or a past Z: print and export name it the same way. */
const ref = (zNo: number | null): { zNo?: number } => (zNo === null ? {} : { zNo });

export async function xReport(): Promise<Result<ReportView>> {
  return (await getPos()).report.x({});
}

export async function takeZ(approval: Approval): Promise<Result<ReportView>> {
  return (await getPos()).report.z({ approval });
}

export async function pastZs(): Promise<Result<readonly ZSummaryView[]>> {
  return (await getPos()).report.list({});
}

export async function getZ(zNo: number): Promise<Result<ReportView>> {
  return (await getPos()).report.get({ zNo });
}

export async function printReport(zNo: number | null): Promise<Result<PrintJobRef>> {
  return (await getPos()).report.print(ref(zNo));
}

export async function exportReport(zNo: number | null, format: ExportFormat): Promise<Result<ExportView>> {
  return (await getPos()).report.export({ ...ref(zNo), format });
}
