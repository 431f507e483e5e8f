// The catalog part of the contract: no channel takes raw CSV text from the renderer any more (a file goes in as
// bytes, is previewed, and is imported only with a manager's approval), and the import channels' inputs are
// bounded: a file over MAX_IMPORT_BYTES, bytes that are not base64, a run without an approval are refused
// before anything runs.
import { describe, expect, it } from 'vitest';
import { channelNames, contract, eventNames, MAX_IMPORT_BYTES } from '../../../../main/api/contract';

describe('catalog contract', () => {
  it('the raw import channel is gone; preview, run and cancel are the way in, with a progress event', () => {
    expect(channelNames.filter((c) => c.startsWith('catalog.'))).toEqual([
      'catalog.search',
      'catalog.importPreview',
      'catalog.importRun',
      'catalog.importCancel',
    ]);
    expect(channelNames).not.toContain('catalog.importCsv');
    expect(eventNames).toContain('catalogImport');
  });

  it('a preview takes a named file of base64 bytes up to MAX_IMPORT_BYTES, nothing else', () => {
    const preview = contract['catalog.importPreview'];
    const within = Buffer.alloc(MAX_IMPORT_BYTES, 0x41).toString('base64');
    const over = Buffer.alloc(MAX_IMPORT_BYTES + 3, 0x41).toString('base64');
    expect(preview.safeParse({ fileName: 'a.csv', bytes: within }).success).toBe(true);
    expect(preview.safeParse({ fileName: 'a.csv', bytes: over }).success).toBe(false);
    expect(preview.safeParse({ fileName: 'a.csv', bytes: 'not base64!' }).success).toBe(false);
    expect(preview.safeParse({ fileName: '', bytes: 'QUJD' }).success).toBe(false);
    expect(preview.safeParse({ bytes: 'QUJD' }).success).toBe(false);
    expect(preview.safeParse({ fileName: 'a.csv', bytes: 'QUJD', csv: 'sku' }).success).toBe(false);
  });

  it('a run needs an approval; a cancel only the import id', () => {
    const approval = { operatorCode: '900', pin: '1234' };
    expect(contract['catalog.importRun'].safeParse({ importId: 'x' }).success).toBe(false);
    expect(contract['catalog.importRun'].safeParse({ importId: 'x', approval }).success).toBe(true);
    expect(contract['catalog.importCancel'].safeParse({ importId: 'x' }).success).toBe(true);
    expect(contract['catalog.importCancel'].safeParse({ importId: '' }).success).toBe(false);
  });
});
