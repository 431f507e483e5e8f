// The small pieces every command-line tool of the project shares: a usage error (the caller typed the
// command wrong, exit 2 or 1 by the tool's own table), flag checks with one wording, and the one way a
// tool's promise becomes its exit code.

/** The command line itself is wrong; the tool prints its usage after the message. */
export class UsageError extends Error {}

/** `value` must be one of `allowed` (undefined passes: the flag was not given). */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be ${orList(allowed)}, got '${value}'`);
  }
  return value as T;
}

/** A flag the command cannot run without. */
export function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`missing --${flag}`);
  return value;
}

function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Runs a tool's `main` and exits with its code. A throw that reaches here is a fault, not a usage error:
 * its message goes to stderr and the exit code is 1, so a script calling the tool sees it failed.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
