// app.reportError: a renderer's uncaught error reaches the log (redacted at the sink), capped in length by the
// contract and in rate by the handler.
import { describe, expect, it } from 'vitest';
import { ERROR_REPORT_LIMITS } from '../../../main/api/error-report';
import { REPORTS_PER_MINUTE, reportErrorHandler } from '../../../main/app/report-error';
import { createDispatcher, type Handlers } from '../../../main/ipc/dispatcher';

function setup() {
  const lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
  let t = Date.parse('2026-12-06T10:00:00Z');
  const handler = reportErrorHandler(
    (level, message, fields) => lines.push({ level, message, fields }),
    () => new Date(t),
  );
  const dispatch = createDispatcher(handler as Handlers, () => undefined);
  return { lines, dispatch, advance: (ms: number) => (t += ms) };
}

describe('app.reportError', () => {
  it('logs the source, message and stack as an error', async () => {
    const { lines, dispatch } = setup();
    const r = await dispatch('app.reportError', { source: 'render', message: 'boom', stack: 'at X' });
    expect(r).toEqual({ ok: true, value: { logged: true } });
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'renderer error',
        fields: { source: 'render', message: 'boom', stack: 'at X' },
      },
    ]);
  });

  it('refuses a payload longer than the caps or of another shape; nothing is logged', async () => {
    const { lines, dispatch } = setup();
    const long = 'x'.repeat(ERROR_REPORT_LIMITS.message + 1);
    expect(await dispatch('app.reportError', { source: 'error', message: long })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(await dispatch('app.reportError', { source: 'elsewhere', message: 'm' })).toMatchObject({
      ok: false,
    });
    expect(await dispatch('app.reportError', { source: 'error', message: 'm', extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(lines).toEqual([]);
  });

  it('writes at most REPORTS_PER_MINUTE a minute, then says how many were dropped', async () => {
    const { lines, dispatch, advance } = setup();
    for (let i = 0; i < REPORTS_PER_MINUTE + 5; i++)
      await dispatch('app.reportError', { source: 'error', message: `e${i}` });
    expect(lines).toHaveLength(REPORTS_PER_MINUTE);
    advance(60_000);
    await dispatch('app.reportError', { source: 'error', message: 'later' });
    expect(lines.at(-1)?.fields).toMatchObject({ message: 'later', droppedBefore: 5 });
  });
});
