import { describe, expect, it } from 'vitest';
import { decideMode, type ModeFacts } from '../../../main/training/mode-check';

const facts = (f: Partial<ModeFacts>): ModeFacts => ({
  configTraining: true,
  override: undefined,
  realGateway: false,
  storeMode: null,
  goLivePending: false,
  ...f,
});

describe('decideMode', () => {
  it('runs a new store in the mode config.json says, the flag winning', () => {
    expect(decideMode(facts({}))).toEqual({ training: true });
    expect(decideMode(facts({ configTraining: false }))).toEqual({ training: false });
    expect(decideMode(facts({ configTraining: false, override: true }))).toEqual({ training: true });
  });

  it('refuses training beside a real gateway', () => {
    expect(decideMode(facts({ realGateway: true }))).toMatchObject({
      conflict: { code: 'TRAINING_WITH_GATEWAY' },
    });
    expect(decideMode(facts({ configTraining: false, override: true, realGateway: true }))).toMatchObject({
      conflict: { code: 'TRAINING_WITH_GATEWAY' },
    });
    expect(decideMode(facts({ configTraining: false, realGateway: true }))).toEqual({ training: false });
  });

  it('refuses training on a live store, by flag or by config, and while a go-live is pending', () => {
    expect(decideMode(facts({ configTraining: false, override: true, storeMode: 'live' }))).toMatchObject({
      conflict: { code: 'TRAINING_ON_LIVE_STORE' },
    });
    expect(decideMode(facts({ storeMode: 'live' }))).toMatchObject({
      conflict: { code: 'TRAINING_ON_LIVE_STORE' },
    });
    expect(decideMode(facts({ override: true, goLivePending: true }))).toMatchObject({
      conflict: { code: 'TRAINING_ON_LIVE_STORE' },
    });
  });

  it('refuses a live start on a training store unless a manager’s go-live is pending', () => {
    expect(decideMode(facts({ configTraining: false, storeMode: 'training' }))).toMatchObject({
      conflict: { code: 'TRAINING_STORE_NOT_LEFT' },
    });
    expect(decideMode(facts({ configTraining: false, storeMode: 'training', goLivePending: true }))).toEqual({
      training: false,
    });
  });
});
