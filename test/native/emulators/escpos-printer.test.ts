// The printer model: what ends up on the roll, paper running out mid-job, and status answered throughout.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosPrinter, PAPER_58MM } from '../../../native/emulators/escpos-printer';
import { parseAsb, parseStatusByte } from '../../../native/escpos/status';
import { bytes, DLE, ESC, FS, GS, LF } from '../../support/bytes';

const STATUS = (n: number) => bytes(DLE, 4, n);
const lines = (p: EscPosPrinter): string[] =>
  p.roll.flatMap((item) => (item.kind === 'line' ? [item.text] : []));

describe('EscPosPrinter roll', () => {
  it('prints a receipt: aligned text, Chinese, barcode, QR, image, cut', () => {
    const p = new EscPosPrinter();
    p.write(
      bytes(
        [ESC, '@', ESC, 'a', 1, ESC, 'E', 1, 'SHOP', LF, ESC, 'E', 0, ESC, 'a', 0],
        [FS, '&', iconv.encode('合计 ￥12.50', 'gb18030'), FS, '.', LF],
        [ESC, 'a', 2, 'right', LF, ESC, 'a', 0],
        [GS, 'k', 73, 4, '{B12'],
        [GS, '(', 'k', 3, 0, 49, 67, 5, GS, '(', 'k', 3, 0, 49, 69, 51],
        [GS, '(', 'k', 6, 0, 49, 80, 48, 'pay'],
        [GS, '(', 'k', 3, 0, 49, 81, 48],
        [GS, 'v', '0', 0, 1, 0, 1, 0, 0x80],
        [GS, 'V', 66, 0],
      ),
    );
    expect(p.problems).toEqual([]);
    expect(p.renderText().split('\n')).toEqual([
      '                      SHOP',
      '合计 ￥12.50',
      '                                           right',
      '[barcode CODE128 {B12]',
      '[qr pay]',
      '[image 8x1]',
      '- - - partial cut - - -',
    ]);
    expect(p.roll[0]).toMatchObject({
      kind: 'line',
      align: 'center',
      segments: [{ text: 'SHOP', bold: true }],
    });
    expect(p.roll[4]).toMatchObject({
      kind: 'qr',
      model: 2,
      moduleSize: 5,
      errorLevel: 'H',
      data: bytes('pay'),
    });
  });

  it('centres wide characters by their printed width on 58 mm paper', () => {
    const p = new EscPosPrinter({ columns: PAPER_58MM.columns });
    p.write(bytes(ESC, 'a', 1, FS, '&', iconv.encode('中文', 'gb18030'), FS, '.', LF));
    // 4 columns used of 32: 14 spaces each side.
    expect(p.renderText()).toBe(' '.repeat(14) + '中文');
  });

  it('ESC d feeds blank lines after printing the buffer', () => {
    const p = new EscPosPrinter();
    p.write(bytes('a', ESC, 'd', 3, ESC, 'd', 1));
    expect(lines(p)).toEqual(['a', '', '', '']);
  });

  it('opens the drawer on a pulse on its pin, and it stays open until closed', () => {
    const p = new EscPosPrinter();
    p.write(bytes(ESC, 'p', 1, 25, 250));
    expect(p.drawerOpen).toBe(false); // pin 5: not where this drawer is wired
    p.write(bytes(ESC, 'p', 0, 25, 250));
    expect(p.drawerOpen).toBe(true);
    expect(p.pulses.map((e) => e.pin)).toEqual([5, 2]);
    p.write(STATUS(1));
    expect(parseStatusByte(1, p.readStatus()[0] ?? 0)).toMatchObject({
      ok: true,
      status: { drawerSensorHigh: true },
    });
    p.closeDrawer();
    p.write(STATUS(1));
    expect(parseStatusByte(1, p.readStatus()[0] ?? 0)).toMatchObject({
      ok: true,
      status: { drawerSensorHigh: false },
    });
  });

  it('does not open the drawer on a short ESC p, and records the problem', () => {
    const p = new EscPosPrinter();
    p.write(bytes(ESC, 'p', 0, ESC, '@', 'x', LF));
    expect(p.drawerOpen).toBe(false);
    expect(p.problems).toMatchObject([{ type: 'error', reason: 'truncated-drawer-pulse' }]);
    expect(lines(p)).toEqual(['x']);
  });

  it('reports a command cut off at the end of the job', () => {
    const p = new EscPosPrinter();
    p.write(bytes('x', LF, GS, 'v', '0', 0, 10, 0));
    p.endOfJob();
    expect(p.problems).toMatchObject([{ type: 'truncated', name: 'GS v 0' }]);
  });
});

describe('EscPosPrinter paper and status', () => {
  const job = (from: number, to: number) =>
    bytes(...Array.from({ length: to - from + 1 }, (_, i) => [`line ${from + i}`, LF]));

  it('runs out of paper mid-job: stops printing, answers DLE EOT truthfully, resumes after new paper', () => {
    const p = new EscPosPrinter();
    p.runOutOfPaperAfter(3);
    // Status requests interleaved in the same stream: real-time, answered even after the stop.
    p.write(bytes(STATUS(4), job(1, 5), STATUS(4), STATUS(2), STATUS(1), GS, 'V', 0));
    expect(lines(p)).toEqual(['line 1', 'line 2', 'line 3']);
    expect(p.roll.some((i) => i.kind === 'cut')).toBe(false);
    expect(p.paper).toBe('out');
    expect(p.offline).toBe(true);
    expect(p.notPrinted.map((e) => e.type)).toEqual(['text', 'lineFeed', 'text', 'lineFeed', 'cut']);

    const [before, after, cause, printer] = p.readStatus();
    expect(parseStatusByte(4, before ?? 0)).toEqual({
      ok: true,
      status: { request: 4, paperNearEnd: false, paperOut: false },
    });
    expect(parseStatusByte(4, after ?? 0)).toEqual({
      ok: true,
      status: { request: 4, paperNearEnd: true, paperOut: true },
    });
    expect(parseStatusByte(2, cause ?? 0)).toMatchObject({
      ok: true,
      status: { stoppedForPaperEnd: true, coverOpen: false },
    });
    expect(parseStatusByte(1, printer ?? 0)).toMatchObject({ ok: true, status: { offline: true } });
    expect(p.readStatus()).toEqual(new Uint8Array(0));

    p.loadPaper();
    p.write(bytes(job(6, 6), STATUS(4)));
    expect(lines(p)).toEqual(['line 1', 'line 2', 'line 3', 'line 6']);
    expect(p.readStatus()).toEqual(bytes(0x12));
  });

  it('a stop that falls inside a split write behaves the same as one write', () => {
    const stream = bytes(job(1, 4), STATUS(4));
    const whole = new EscPosPrinter();
    whole.runOutOfPaperAfter(2);
    whole.write(stream);
    const split = new EscPosPrinter();
    split.runOutOfPaperAfter(2);
    for (const b of stream) split.write(bytes(b));
    expect(split.roll).toEqual(whole.roll);
    expect(split.readStatus()).toEqual(whole.readStatus());
  });

  it('reports paper near end while still printing', () => {
    const p = new EscPosPrinter();
    p.setPaper('nearEnd');
    p.write(bytes('x', LF, STATUS(4), STATUS(1)));
    expect(lines(p)).toEqual(['x']);
    const [paper, printer] = p.readStatus();
    expect(parseStatusByte(4, paper ?? 0)).toMatchObject({ status: { paperNearEnd: true, paperOut: false } });
    expect(parseStatusByte(1, printer ?? 0)).toMatchObject({ status: { offline: false } });
  });

  it('cover open stops printing and shows in DLE EOT 2; the real-time pulse still fires', () => {
    const p = new EscPosPrinter();
    p.setCoverOpen(true);
    p.write(bytes('x', LF, ESC, 'p', 0, 25, 250, STATUS(2), DLE, 0x14, 1, 0, 1));
    expect(lines(p)).toEqual([]);
    expect(parseStatusByte(2, p.readStatus()[0] ?? 0)).toMatchObject({ status: { coverOpen: true } });
    expect(p.pulses.map((e) => e.realTime)).toEqual([true]);
    expect(p.drawerOpen).toBe(true);
  });

  it('cutter error shows in DLE EOT 3 and 2', () => {
    const p = new EscPosPrinter();
    p.setCutterError(true);
    p.write(bytes(STATUS(3), STATUS(2)));
    const [err, cause] = p.readStatus();
    expect(parseStatusByte(3, err ?? 0)).toMatchObject({ status: { cutterError: true } });
    expect(parseStatusByte(2, cause ?? 0)).toMatchObject({ status: { error: true } });
  });

  it('records the GS a mask', () => {
    const p = new EscPosPrinter();
    p.write(bytes(GS, 'a', 0x0f));
    expect(p.autoStatusBackMask).toBe(0x0f);
  });
});

describe('EscPosPrinter status sent without a request', () => {
  it('GS a sends the status at once, then a message only when an enabled group changes', () => {
    const p = new EscPosPrinter();
    let notified = 0;
    p.onOutput(() => notified++);
    p.write(bytes(GS, 'a', 0b1000)); // paper sensors only
    expect(parseAsb(p.readStatus())).toMatchObject({ ok: true, status: { paperOut: false } });
    p.closeDrawer(); // drawer group not enabled: nothing
    p.setCoverOpen(true); // online group not enabled: nothing
    p.setCoverOpen(false);
    expect(p.readStatus()).toEqual(new Uint8Array(0));
    p.runOutOfPaperAfter(1);
    p.write(bytes('last line', LF, 'lost', LF));
    expect(parseAsb(p.readStatus())).toMatchObject({ ok: true, status: { paperOut: true, offline: true } });
    p.loadPaper();
    expect(parseAsb(p.readStatus())).toMatchObject({
      ok: true,
      status: { paperOut: false, paperNearEnd: false },
    });
    expect(notified).toBe(3);
    p.write(bytes(GS, 'a', 0));
    p.setPaper('out');
    expect(p.readStatus()).toEqual(new Uint8Array(0));
  });

  it('GS r answers in turn, so not while stopped; DLE EOT answers regardless', () => {
    const p = new EscPosPrinter();
    p.setPaper('nearEnd');
    p.write(bytes(GS, 'r', 1, ESC, 'p', 0, 25, 250, GS, 'r', 50));
    expect(p.readStatus()).toEqual(bytes(0x03, 0x01));
    p.setPaper('out');
    p.write(bytes(GS, 'r', 1, DLE, 4, 4));
    expect(p.readStatus()).toEqual(bytes(0x7e)); // near-end and end sensors both see no paper
  });
});
