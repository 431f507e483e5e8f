// The gateway's public key, for sealing keyboard-wedge card data; cached (it is public) for offline use. Only a
// key the gateway client trusts (config gateway.encryptionKey: its id and public-key hash; any key in training)
// is used or cached; one it refuses is reported for the manager (main/gateway/card-key-pin.ts).
import type { Database } from '../../store/db';
import type { GatewayClient } from '../../gateway/client';
import type { CardKey } from '../../gateway/protocol/schemas';

export interface CardKeyCache {
  /** the key now known (the cached one until the gateway has given one) */
  current(): CardKey | null;
  /** why the gateway's key is refused (it is not the pinned one, or none is pinned on a live till); else null */
  refused(): string | null;
  /** asks the gateway for its key and keeps it when it answers; no gateway or no answer: the key is unchanged */
  refresh(): Promise<void>;
}

/**
 * Reads the cached key from `settings` ('gateway.cardKey') at once (if the client still trusts it); `refresh`
 * updates both. `onRefused` is called when the refusal starts or ends (the status bar shows it).
 */
export function createCardKeyCache(
  db: Database,
  client: GatewayClient | null,
  onRefused: () => void = () => undefined,
): CardKeyCache {
  const save = db.prepare<[string]>(
    `INSERT INTO settings (key, value) VALUES ('gateway.cardKey', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  let cardKey: CardKey | null = null;
  let refused: string | null = null;
  const setRefused = (why: string | null): void => {
    if (why === refused) return;
    refused = why;
    onRefused();
  };
  const keyRow = db
    .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'gateway.cardKey'`)
    .get();
  if (keyRow) {
    const cached = JSON.parse(keyRow.value) as CardKey;
    // Cached before the pin was set or changed: kept in the table, never used.
    const trust = client?.trustsCardKey(cached) ?? { trusted: true };
    if (trust.trusted) cardKey = cached;
    else refused = trust.message;
  }
  return {
    current: () => cardKey,
    refused: () => refused,
    async refresh() {
      if (!client) return;
      const r = await client.cardKey();
      if (r.kind === 'ok') {
        cardKey = r.value;
        save.run(JSON.stringify(r.value));
        setRefused(null);
      } else if (r.kind === 'untrusted') {
        setRefused(r.message);
      }
    },
  };
}
