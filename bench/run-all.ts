// `npm run bench [-- name-filter]`: runs every bench/*.bench.ts in turn (one at a time: 2 cores) and prints
// each figure beside its same-run baseline, then a closing line with how many targets were met.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printReport, type BenchReport } from './lib';

const dir = import.meta.dirname;
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

let met = 0;
let missed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as {
    default: () => Promise<BenchReport>;
  };
  const report = await mod.default();
  printReport(report);
  for (const r of report.rows) {
    if (r.pass === true) met++;
    if (r.pass === false) missed++;
  }
}
console.log(`\nbench: ${files.length} suites, targets ${met} met, ${missed} missed`);
