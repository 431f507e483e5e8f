// A Z taken in a child process that stops at a named step and waits to be killed (z-close.kill.test.ts):
// Z_PAUSE_AT names a step inside the Z's transaction (z-close.ts Z_STEPS) or 'committed' (after it). At that
// step the child says "paused:<step>" on stdout and blocks the thread, so a SIGKILL lands exactly there.
import { openDatabase } from '../../main/store/db';
import { computeReport } from '../../main/reports/compute-report';
import { createZClose } from '../../main/reports/z-close';
import { enqueueReportJob } from '../../main/printing/queue/enqueue-report';
import type { Approvals } from '../../main/staff/approvals';

const [file = '', pauseAt = ''] = [process.env['Z_FILE'], process.env['Z_PAUSE_AT']];
const MANAGER = { operatorId: 'm1', code: '500', name: '王经理', role: 'manager' as const };
const approvals: Approvals = {
  approve: (permission) => ({ ...MANAGER, permission, signedIn: null }),
  verify: () => MANAGER,
};
const pause = (step: string): void => {
  if (step !== pauseAt) return;
  process.stdout.write(`paused:${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000); // blocks until killed
};

const db = openDatabase(file);
const zClose = createZClose({
  ...{ db, now: () => new Date(), approvals, enqueue: enqueueReportJob, onStep: pause },
  till: { terminalId: 'T01', storeName: 'S', currency: 'CNY', training: false, timeZone: 'Asia/Shanghai' },
  compute: async (h) => computeReport(db, h),
});
await zClose({ operatorCode: '500', pin: '1234' });
pause('committed');
db.close();
