import { describe, expect, it } from 'vitest';
import type { StatusView } from '@contract/contract';
import {
  blocksPrinting,
  isPngDataUrl,
  parsePrinterDetail,
  printerInfo,
  problemKey,
} from '../../renderer/src/printer/printer-info';

const status = (state: StatusView['printer']['state'], detail: string | null): StatusView => ({
  trainingMode: false,
  signedIn: null,
  gateway: { state: 'not-configured', detail: null },
  printer: { state, detail },
  storage: { state: 'ok', detail: null },
  payments: {
    pendingCount: 0,
    pendingMinor: 0,
    oldestPendingAt: null,
    nextDeadline: null,
    needsManager: 0,
    uploadsPending: 0,
  },
});

describe('printer status detail', () => {
  it('parses "problem; N waiting" robustly', () => {
    expect(parsePrinterDetail('paper-out; 2 waiting')).toEqual({ problem: 'paper-out', waiting: 2 });
    expect(parsePrinterDetail(' Cover-Open ;  1 waiting ')).toEqual({ problem: 'cover-open', waiting: 1 });
    expect(parsePrinterDetail('3 waiting')).toEqual({ problem: null, waiting: 3 });
    expect(parsePrinterDetail('paper_near_end, waiting: 4')).toEqual({
      problem: 'paper-near-end',
      waiting: 4,
    });
    expect(parsePrinterDetail('emulated')).toEqual({ problem: null, waiting: null });
    expect(parsePrinterDetail(null)).toEqual({ problem: null, waiting: null });
    expect(parsePrinterDetail(';;')).toEqual({ problem: null, waiting: null });
  });

  it('maps problem codes to select keys', () => {
    expect(problemKey('paper-out')).toBe('paperOut');
    expect(problemKey('paper-near-end')).toBe('paperNearEnd');
    expect(problemKey('something-new')).toBe('other');
  });

  it('prefers printer.status when there is one', () => {
    const detailed = {
      state: 'online' as const,
      problem: null,
      queue: { waiting: 0, printing: 1 },
      lastError: null,
      drawerOpen: true,
    };
    expect(printerInfo(status('error', 'paper-out; 2 waiting'), detailed)).toMatchObject({
      problem: null,
      waiting: 0,
      printing: 1,
      drawerOpen: true,
    });
    expect(printerInfo(status('error', 'paper-out; 2 waiting'), null)).toMatchObject({
      state: 'error',
      problem: 'paper-out',
      waiting: 2,
      printing: null,
      drawerOpen: null,
    });
    expect(printerInfo(null, null)).toBeNull();
  });

  it('knows which problems keep receipts from printing', () => {
    expect(blocksPrinting(printerInfo(status('online', 'paper-near-end'), null))).toBe(false);
    expect(blocksPrinting(printerInfo(status('online', 'emulated'), null))).toBe(false);
    expect(blocksPrinting(printerInfo(status('error', 'paper-out'), null))).toBe(true);
    expect(blocksPrinting(printerInfo(status('offline', null), null))).toBe(true);
  });

  it('accepts only PNG data URLs as receipt images', () => {
    expect(isPngDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isPngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isPngDataUrl('https://example.com/x.png')).toBe(false);
    expect(isPngDataUrl(null)).toBe(false);
  });
});
