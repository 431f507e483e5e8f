// The fault table on its own (no server): latency stacking, rule order and counted rules.
import { describe, expect, it } from 'vitest';
import { FaultTable } from '../../../../main/gateway/sandbox/faults';

describe('FaultTable', () => {
  it('stacks latency, picks the first other rule, and counts down times', () => {
    const t = new FaultTable();
    t.set([
      { kind: 'latency', ms: 10, times: 1 },
      { route: 'capture', kind: 'status', status: 502 },
      { kind: 'drop-response', times: 1 },
    ]);
    expect(t.planFor('authorize')).toMatchObject({ latencyMs: 10, fault: 'drop-response' });
    expect(t.planFor('authorize')).toMatchObject({ latencyMs: 0, fault: null });
    expect(t.planFor('capture')).toMatchObject({ fault: 'status', status: 502 });
  });
});
