// The ordered list of every migration. Append only.
import { m001Init } from './001-init';
import { m002ScaleItemCode } from './002-scale-item-code';
import { m003PrintJobs } from './003-print-jobs';
import { m004Operators } from './004-operators';
import { m005Payments } from './005-payments';
import { m006Refunds } from './006-refunds';
import { m007CartsInRow } from './007-carts-in-row';
import { m008Ean8Spelling } from './008-ean8-spelling';
import { m009ReceiptSearch } from './009-receipt-search';
import { m010CompactHistory } from './010-compact-history';
import { m011OpenCartBody } from './011-open-cart-body';
import { m012StaffRoles } from './012-staff-roles';
import { m013OperatorSessions } from './013-operator-sessions';
import { m014Shifts } from './014-shifts';
import { m015DayTotals } from './015-day-totals';
import { m016ReportPrintJobs } from './016-report-print-jobs';
import { m017ParkedCarts } from './017-parked-carts';
import { m018SessionsByTill } from './018-sessions-by-till';
import { m019Reconciliation } from './019-reconciliation';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  m001Init,
  m002ScaleItemCode,
  m003PrintJobs,
  m004Operators,
  m005Payments,
  m006Refunds,
  m007CartsInRow,
  m008Ean8Spelling,
  m009ReceiptSearch,
  m010CompactHistory,
  m011OpenCartBody,
  m012StaffRoles,
  m013OperatorSessions,
  m014Shifts,
  m015DayTotals,
  m016ReportPrintJobs,
  m017ParkedCarts,
  m018SessionsByTill,
  m019Reconciliation,
];
