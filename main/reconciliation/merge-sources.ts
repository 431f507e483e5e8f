// A day may have the gateway's settlement and a wallet's own file (WeChat, Alipay): both report the same QR
// payments. The wallet's file is closer to the money, so for a reference it reports (charge or refund), the
// gateway's row of that kind is dropped; everything else is kept.
import type { SettlementRow } from './settlement-row';

export function mergeSources(rows: readonly SettlementRow[]): SettlementRow[] {
  const walletHas = new Set(
    rows.filter((r) => r.source !== 'gateway' && r.reference !== null).map((r) => `${r.kind}:${r.reference}`),
  );
  if (walletHas.size === 0) return [...rows];
  return rows.filter((r) => r.source !== 'gateway' || !walletHas.has(`${r.kind}:${r.reference}`));
}
