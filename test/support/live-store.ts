// A live shop's data folder with the demo goods on its shelves, for tests of live behaviour (a configured
// printer, no emulated devices) that sell known items. The app itself seeds demo goods only into a new
// training store and never lets a training store start live, so the goods are put in directly.
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoCatalog } from '../../main/catalog/demo';
import { CONFIG_FILE, DEFAULT_CONFIG, type PosConfig } from '../../main/config/config';
import { openStore } from '../../main/store/open-store';
import { addStaffOnFile } from './signed-in-till';

export async function liveShopWithDemoGoods(dataDir: string, config: Partial<PosConfig> = {}): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, CONFIG_FILE),
    JSON.stringify({ ...DEFAULT_CONFIG, ...config, trainingMode: false }, null, 2),
  );
  const { db } = await openStore({ dataDir, now: () => new Date(), log: () => undefined });
  try {
    seedDemoCatalog(db, () => new Date());
  } finally {
    db.close();
  }
  // Selling live needs a cashier on file (test/support/signed-in-till.ts readyToSell signs them in).
  addStaffOnFile(dataDir);
}
