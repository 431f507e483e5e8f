// The recon.* channels: a day's items and totals as last reconciled, a fetch from the gateway, and a
// settlement file imported with a manager's approval (journalled with who approved it). A refused file
// keeps nothing (SETTLEMENT_INVALID with its line and reason). A difference is resolved with a manager's
// approval, asked for only once the action is known to fit the item (resolve-item.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PosFailure } from '../api/result';
import type { GatewayClient } from '../gateway/client';
import type { Handlers } from '../ipc/dispatcher';
import type { ApprovedActionJournal } from '../staff/approved-action';
import { approvedBy, type Approvals } from '../staff/approvals';
import { readSettlementFile } from './formats/read';
import { sha256Of, type Reconciliation } from './reconcile-day';
import type { ReconExporter } from './recon-export';

export type ReconChannels =
  'recon.day' | 'recon.item' | 'recon.fetch' | 'recon.import' | 'recon.resolve' | 'recon.export';

export function reconciliationHandlers(deps: {
  readonly recon: Reconciliation;
  readonly gateway: () => GatewayClient | null;
  readonly approvals: Approvals;
  readonly journal: ApprovedActionJournal;
  readonly exporter: ReconExporter;
}): Pick<Handlers, ReconChannels> {
  const { recon } = deps;
  return {
    'recon.day': ({ day }) => recon.view(day),
    // Like recon.day: whoever may see the day's differences may see what is known about each.
    'recon.item': ({ itemId }) => recon.item(itemId),
    // Like recon.day and report.export: whoever may see the day may keep a copy of it.
    'recon.export': ({ day, format }) => deps.exporter(day, format),
    'recon.fetch': async ({ day }) => {
      const client = deps.gateway();
      if (!client) throw new PosFailure('GATEWAY_UNREACHABLE', 'No payment gateway is configured');
      const out = await recon.fetch(client, day);
      if (out.kind === 'failed') throw new PosFailure('GATEWAY_UNREACHABLE', out.reason, { day });
      return recon.reconcile(day);
    },
    'recon.import': async ({ day, fileName, bytes, format, approval }) => {
      const approver = deps.approvals.approve('settlement.import', approval);
      const data = Buffer.from(bytes, 'base64');
      // The readers stream from a file (a 100,000-row bill in constant memory): the upload is put in one.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-settlement-'));
      try {
        const file = path.join(dir, randomUUID());
        fs.writeFileSync(file, data, { mode: 0o600 });
        const { rows } = await readSettlementFile(file, format);
        const source = format === 'wechat' || format === 'alipay' ? format : 'gateway';
        recon.importRows({
          ...{ day, source, fileName, rows },
          sha256: sha256Of(data),
          importedBy: JSON.stringify(approvedBy(approver)),
        });
        deps.journal('settlement.imported', approver, { day, fileName, format, rows: rows.length });
        return recon.reconcile(day);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    'recon.resolve': ({ approval, ...input }) => {
      recon.resolver.check(input);
      const approver = deps.approvals.approve('recon.resolve', approval);
      return recon.view(recon.resolver.resolve(input, approver));
    },
  };
}
