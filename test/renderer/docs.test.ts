// docs/keyboard.md is what the lead's e2e suite and the cashiers' trainers read: keep it in step with code.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TID } from '../../renderer/src/testids';
import { BINDINGS, QUICK_AMOUNT_KEYS } from '../../renderer/src/keys/bindings';

const doc = readFileSync(new URL('../../docs/keyboard.md', import.meta.url), 'utf8');

describe('docs/keyboard.md', () => {
  it('lists every data-testid, and no stale ones', () => {
    const ids = Object.values(TID);
    expect(new Set(ids).size).toBe(ids.length); // no two elements share an id by accident
    const section = doc.slice(doc.indexOf('## data-testid reference'));
    const documented = [...section.matchAll(/^\| `([a-z-]+)` /gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ids].sort());
  });

  it('documents every global key binding and the cash dialog quick keys', () => {
    for (const b of BINDINGS) for (const key of b.keys) expect(doc).toContain(`\`${key}\``);
    for (const key of QUICK_AMOUNT_KEYS) expect(doc).toContain(`\`${key}\``);
  });
});
