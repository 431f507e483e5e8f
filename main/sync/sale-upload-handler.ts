// Outbox kind 'sale.upload': the completed sale, exactly as written in the sale's transaction, sent under the
// row's key ('sale:<id>') so a resend after a crash or a lost answer is counted once by the gateway.
import type { OutboxHandler } from './outbox-worker';
import type { SaleUpload } from '../gateway/protocol/schemas';

export const saleUploadHandler: OutboxHandler = {
  async send(row, client) {
    const outcome = await client.uploadSale(JSON.parse(row.body) as SaleUpload, row.key);
    switch (outcome.kind) {
      case 'ok':
        return { verdict: 'sent', transportFailed: false };
      case 'rejected':
        // Refused for good (e.g. a malformed body): it stays visible as failed for support, not retried forever.
        return { verdict: 'failed', error: `${outcome.code}: ${outcome.message}`, transportFailed: false };
      case 'unreachable':
      case 'unknown':
        return { verdict: 'retry', error: outcome.reason, transportFailed: true };
    }
  },
};
