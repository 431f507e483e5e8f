// Migration 018 (sessions by till): who signed in last at a till is found through an index, not by walking
// every sign-in ever made.
import { describe, expect, it } from 'vitest';
import { migratedTo, migrationSuite } from '../../../support/migrations';

migrationSuite(18);

describe('018 sessions by till', () => {
  it('answers the last sign-in of a till from the index', async () => {
    const db = await migratedTo(18);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT operator_id FROM operator_sessions WHERE terminal_id = ?
         ORDER BY signed_in_at DESC, id DESC LIMIT 1`,
      )
      .all('T01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /SEARCH operator_sessions USING INDEX operator_sessions_till/,
    );
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
