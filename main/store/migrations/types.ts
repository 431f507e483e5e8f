export interface Migration {
  /** Consecutive from 1; stored in PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  /** Run inside the migration's own transaction. */
  readonly sql: string;
  /**
   * Rebuilds a table other tables reference: foreign keys are switched off around the transaction (they
   * cannot be switched inside one), and `PRAGMA foreign_key_check` must still find nothing before it commits.
   */
  readonly foreignKeysOff?: true;
}
