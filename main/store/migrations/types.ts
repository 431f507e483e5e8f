export interface Migration {
  /** Consecutive from 1; stored in PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  /** Run inside the migration's own transaction. */
  readonly sql: string;
}
