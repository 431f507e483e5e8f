// The gateway's public key, for sealing keyboard-wedge card data; cached (it is public) for offline use.
import type { Database } from '../../store/db';
import type { GatewayClient } from '../../gateway/client';
import type { CardKey } from '../../gateway/protocol/schemas';

export interface CardKeyCache {
  /** the key now known (the cached one until the gateway has given one) */
  current(): CardKey | null;
  /** asks the gateway for its key and keeps it when it answers; no gateway or no answer: the key is unchanged */
  refresh(): Promise<void>;
}

/** Reads the cached key from `settings` ('gateway.cardKey') at once; `refresh` updates both. */
export function createCardKeyCache(db: Database, client: GatewayClient | null): CardKeyCache {
  const save = db.prepare<[string]>(
    `INSERT INTO settings (key, value) VALUES ('gateway.cardKey', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  let cardKey: CardKey | null = null;
  const keyRow = db
    .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'gateway.cardKey'`)
    .get();
  if (keyRow) cardKey = JSON.parse(keyRow.value) as CardKey;
  return {
    current: () => cardKey,
    async refresh() {
      if (!client) return;
      const r = await client.cardKey();
      if (r.kind === 'ok') {
        cardKey = r.value;
        save.run(JSON.stringify(r.value));
      }
    },
  };
}
