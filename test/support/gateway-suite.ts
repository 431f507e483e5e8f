// One sandbox gateway for a renderer suite (test/support/till-gateway.ts), up before each test (a test may take
// it down), faults cleared; its ledger folder outlives each test's till and is removed after the suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import type { QrTiming } from '../../main/gateway/sandbox/qr-rules';
import { tillGateway, type TillGateway } from './till-gateway';

export function useSuiteGateway(qrTiming?: QrTiming): TillGateway {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-ui-gw-'));
  const gw = tillGateway({ dataDir: dir, secret: Buffer.alloc(32, 7), ...(qrTiming ? { qrTiming } : {}) });
  beforeEach(async () => {
    await gw.up();
    gw.current()?.setFaults([]);
  });
  afterAll(async () => {
    await gw.down();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return gw;
}
