// `npm test`: every check the project has, in one command, ending with one summary line CI can read:
//   "tests: N passed, N failed, N skipped"
// Static checks (format, lint, types, build) count as one test each; vitest contributes its own counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name: string): string => path.join('node_modules', '.bin', name);
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (ok) counts.passed++;
  else {
    counts.failed++;
    failures.push(name);
  }
  return ok;
}

step('format (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
step('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
step('typecheck main/native/test', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck electron shell', bin('tsc'), ['-p', 'main/electron/tsconfig.json', '--noEmit']);
step('typecheck renderer', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
step('typecheck renderer build config', bin('tsc'), ['-p', 'renderer/tsconfig.node.json', '--noEmit']);
step('build renderer', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

// Two vitest runs. Everything without a browser runs in parallel; the Chromium tests run one file at a time,
// because the keyboard-wedge scanner and card-swipe detectors judge bursts by timing, and two browsers fighting
// for 2 cores stretch the browser-to-page round trip of each synthetic key past what a real device ever shows.
// The renderer's screens (test/renderer/ui-*.test.ts) and the end-to-end suites: a path prefix to select them,
// a glob to leave them out of the parallel run.
const BROWSER_TESTS = [
  { prefix: 'test/renderer/ui-', glob: 'test/renderer/ui-*.test.ts' },
  { prefix: 'test/e2e/', glob: 'test/e2e/**' },
];
const extra = process.argv.slice(2);
const runs: { name: string; args: string[] }[] = [
  {
    name: 'vitest (parallel)',
    args: [...BROWSER_TESTS.flatMap((t) => ['--exclude', t.glob]), ...extra],
  },
  {
    name: 'vitest (browser tests, one file at a time)',
    args: ['--no-file-parallelism', ...extra, ...(extra.length ? [] : BROWSER_TESTS.map((t) => t.prefix))],
  },
];
interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string }[];
}
for (const run of runs) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pos-test-')), 'vitest.json');
  console.log(`\n▶ ${run.name}`);
  const vitest = spawnSync(
    bin('vitest'),
    [
      'run',
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...run.args,
    ],
    { stdio: 'inherit', env: process.env },
  );
  let json: VitestJson | null;
  try {
    json = JSON.parse(fs.readFileSync(report, 'utf8')) as VitestJson;
  } catch {
    json = null;
  }
  if (!json) {
    counts.failed++;
    failures.push(`${run.name} produced no report`);
    continue;
  }
  counts.passed += json.numPassedTests;
  counts.failed += json.numFailedTests;
  counts.skipped += json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no failed test in it, but it is a failure all the same.
  const brokenFiles = json.testResults.filter((t) => t.status === 'failed');
  for (const f of brokenFiles) failures.push(`vitest: ${path.relative(process.cwd(), f.name)}`);
  if (json.numFailedTests === 0 && (brokenFiles.length > 0 || vitest.status !== 0)) counts.failed++;
}

if (failures.length) console.log(`\nFailed:\n  - ${failures.join('\n  - ')}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed === 0 ? 0 : 1);
