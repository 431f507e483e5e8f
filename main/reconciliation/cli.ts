// The `npm run reconcile` entry point (reconcile-command.ts does the work).
import { runCli } from '../cli/args';
import { reconcileCli } from './reconcile-command';

runCli(() =>
  reconcileCli(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  ),
);
