// The report a 'report' job prints: the ReportView frozen into the job as JSON when it was queued
// (enqueue-report.ts). A job whose JSON is missing or is not a report fails to render, so the worker marks it
// unprintable instead of printing a half-empty report.
import { readStoredReport, type ReportView, type StoredReportView } from '../../api/contract/reports';
import type { PrintJob } from './job-repo';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function storedReport(job: PrintJob): ReportView {
  if (job.report === null) throw new Error(`report job ${job.id} has no report`);
  const parsed: unknown = JSON.parse(job.report);
  if (
    !isObject(parsed) ||
    (parsed['kind'] !== 'x' && parsed['kind'] !== 'z') ||
    !isObject(parsed['sales']) ||
    !Array.isArray(parsed['tenders'])
  ) {
    throw new Error(`report job ${job.id} does not hold an X or Z report`);
  }
  // Written by enqueueReportJob from a ReportView (perhaps before a figure existed: readStoredReport); the
  // checks above catch a row written by anything else.
  return readStoredReport(parsed as unknown as StoredReportView);
}
