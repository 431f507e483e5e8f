// The Z reports' hash chain: each row's chain hash is sha256(previous chain hash + its body's hash), from 64
// zeros, so changing, removing or reordering any stored Z (the triggers refuse it, but a file can be edited)
// breaks every chain hash after it. verifyZChain walks them all (a few a day: cheap).
import { createHash } from 'node:crypto';
import type { Database } from '../store/db';

export const Z_GENESIS = '0'.repeat(64);

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
export const chainHash = (prevSha256: string, bodySha256: string): string => sha256(prevSha256 + bodySha256);

export type ZChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: string }
  | { readonly ok: false; readonly zNo: number; readonly reason: 'gap' | 'body' | 'prev' | 'chain' };

export function verifyZChain(db: Database): ZChainVerdict {
  const rows = db
    .prepare<
      [],
      { z_no: number; body: string; body_sha256: string; prev_sha256: string; chain_sha256: string }
    >('SELECT z_no, body, body_sha256, prev_sha256, chain_sha256 FROM z_reports ORDER BY z_no')
    .iterate();
  let prev = Z_GENESIS;
  let count = 0;
  for (const r of rows) {
    count += 1;
    const bad = (reason: 'gap' | 'body' | 'prev' | 'chain'): ZChainVerdict => ({
      ok: false,
      zNo: r.z_no,
      reason,
    });
    if (r.z_no !== count) return bad('gap');
    if (sha256(r.body) !== r.body_sha256) return bad('body');
    if (r.prev_sha256 !== prev) return bad('prev');
    if (chainHash(prev, r.body_sha256) !== r.chain_sha256) return bad('chain');
    prev = r.chain_sha256;
  }
  return { ok: true, count, head: prev };
}
