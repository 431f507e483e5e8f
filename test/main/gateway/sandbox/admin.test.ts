// The admin interface of a gateway started as a process (`npm run gateway -- --tls --admin-token …`), driven
// by the e2e suites' helpers (test/support/gateway-admin.ts): a difference made on demand reaches the wallet
// bill the till imports; a wrong token is refused.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettlementFile } from '../../../../main/reconciliation/formats/read';
import { gatewayAdmin, gatewayDifference, saveGatewayBill } from '../../../support/gateway-admin';
import { startGatewayProcess, type GatewayProcess } from '../../../support/gateway-process';
import { tempDir } from './harness';

const TOKEN = 'admin-test-token';
let gw: GatewayProcess;
beforeAll(async () => {
  gw = await startGatewayProcess(tempDir(), ['--tls', '--admin-token', TOKEN]);
});
afterAll(() => {
  gw.child.kill();
});

describe('the admin interface of a gateway process', () => {
  it('makes a charge the till never sent, which the day’s WeChat bill then lists', async () => {
    const made = await gatewayDifference(gw, TOKEN, {
      action: 'charge',
      terminalId: 'T01',
      tender: 'qr',
      scheme: 'wechat',
      amountMinor: 3300,
      at: '2026-03-10T02:00:00.000Z',
    });
    const reference = (made.payment as { reference: string }).reference;
    const file = path.join(tempDir(), 'wechat.csv');
    await saveGatewayBill(gw, TOKEN, '2026-03-10', 'wechat', file);
    const { rows, summary } = await readSettlementFile(file, 'wechat');
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'charge',
        reference,
        amountMinor: 3300,
        at: '2026-03-10T02:00:00.000Z',
      }),
    ]);
    expect(summary.chargedMinor).toBe(3300);
  });

  it('refuses a wrong token and an action it does not know', async () => {
    expect((await gatewayAdmin(gw, 'wrong', 'GET', '/admin/stats')).status).toBe(401);
    await expect(gatewayDifference(gw, TOKEN, { action: 'explode' })).rejects.toThrow(/400/);
  });
});
