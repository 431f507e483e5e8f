// What the page sends main about an error nobody caught: name, message and stack, cut to the contract's caps.
import { describe, expect, it } from 'vitest';
import { ERROR_REPORT_LIMITS } from '../../main/api/error-report';
import { contract } from '../../main/api/contract';
import { errorReport } from '../../renderer/src/platform/error-report-payload';

describe('errorReport', () => {
  it('an Error: its name, message and stack', () => {
    const e = new TypeError('x is undefined');
    const r = errorReport('render', e);
    expect(r).toEqual({ source: 'render', message: 'TypeError: x is undefined', stack: e.stack });
  });

  it('anything else thrown: its text, no stack', () => {
    expect(errorReport('unhandledrejection', 42)).toEqual({ source: 'unhandledrejection', message: '42' });
  });

  it('cuts long text to the caps, so main accepts it', () => {
    const e = new Error('m'.repeat(10_000));
    e.stack = 's'.repeat(50_000);
    const r = errorReport('error', e);
    expect(r.message).toHaveLength(ERROR_REPORT_LIMITS.message);
    expect(r.stack).toHaveLength(ERROR_REPORT_LIMITS.stack);
    expect(contract['app.reportError'].safeParse(r).success).toBe(true);
  });
});
