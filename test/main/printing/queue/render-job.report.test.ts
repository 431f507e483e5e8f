// X and Z reports through the whole print path on a real store: enqueueReportJob -> the worker -> the job
// renderer (kind 'report', from the JSON frozen in the job) -> ESC/POS bytes -> the emulated printer, whose
// paper is read back: text mode (GB18030) in Chinese and English, raster mode, 58 mm paper, copies.
import { describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../../../native/emulators/escpos-printer';
import type { Locale } from '../../../../main/api/contract';
import type { ReportView } from '../../../../main/api/contract/reports';
import { DEFAULT_STORE_TIME_ZONE } from '../../../../main/api/contract/settings';
import { resolvePrinterSettings } from '../../../../main/config/printer-config';
import type { PrinterConfig } from '../../../../main/config/printer-config';
import { enqueueReportJob } from '../../../../main/printing/queue/enqueue-report';
import { createEmulatedPrinterPort } from '../../../../main/printing/queue/emulated-printer';
import { createJobRenderer } from '../../../../main/printing/queue/render-job';
import { displayWidth } from '../../../../main/printing/text-width';
import { CHAIN_SHA256, reportView } from '../../../support/report-fixture';
import type { Shop } from './fixtures';
import { drain, shopsClosedAfterEach } from './fixtures';

const shop = shopsClosedAfterEach();

interface Printout {
  readonly printer: EscPosPrinter;
  /** the paper's text lines, as printed */
  readonly lines: string[];
  readonly text: string;
}

/** Queues `report` in the Z's transaction and lets the worker print it on an emulated printer. */
async function printReport(
  s: Shop,
  report: ReportView,
  opts: {
    locale?: Locale;
    printer?: PrinterConfig;
    columns?: number;
    copy?: boolean;
    timeZone?: string;
  } = {},
): Promise<Printout> {
  const id = s.db.transaction(() =>
    enqueueReportJob(s.db, { report, copy: opts.copy ?? false, now: s.clock.now() }),
  )();
  const settings = resolvePrinterSettings(opts.printer);
  const render = createJobRenderer({
    saleById: () => null,
    refundById: () => null,
    store: { name: '不用的店名', nameEn: null, address: null, taxNumber: null },
    locale: () => opts.locale ?? 'zh-CN',
    settings: () => settings,
    timeZone: opts.timeZone ?? DEFAULT_STORE_TIME_ZONE,
  });
  const printer = new EscPosPrinter({ columns: opts.columns ?? 48, chineseByDefault: true });
  const port = createEmulatedPrinterPort(printer);
  await drain(s, s.worker(port, { render }));
  expect(s.jobs.byId(id)).toMatchObject({ kind: 'report', state: 'printed', lastError: null });
  expect(printer.problems).toEqual([]);
  const lines = printer.roll.flatMap((i) => (i.kind === 'line' ? [i.text] : []));
  return { printer, lines, text: printer.renderText() };
}

/** The line holding `label`, with its figures (a label and its figures share one line when they fit). */
const lineOf = (p: Printout, label: string): string => p.lines.find((l) => l.includes(label)) ?? '';

describe('printing a Z report (kind report)', () => {
  it('text mode, Chinese: every section with its figures, the chain hash cut to 16 hex digits', async () => {
    const p = await printReport(await shop(), reportView());
    for (const heading of [
      'Z 报表（日结）',
      '销售',
      '退货',
      '净销售额',
      '税额（按税率）',
      '收款方式',
      '收银员',
    ]) {
      expect(p.text).toContain(heading);
    }
    expect(lineOf(p, 'Z 报表编号')).toMatch(/Z 报表编号 +12$/);
    expect(lineOf(p, '折前金额')).toMatch(/ 1234\.56$/);
    expect(lineOf(p, '净销售额 ')).toMatch(/ 1189\.71$/);
    expect(lineOf(p, '13%')).toMatch(/13% +900\.00 +117\.00$/);
    expect(lineOf(p, '银行卡 VISA')).toMatch(/ 3 +90\.00$/);
    expect(lineOf(p, '微信支付')).toMatch(/ 6 +220\.00$/);
    expect(lineOf(p, '退款 现金')).toMatch(/ 21\.40$/);
    expect(lineOf(p, 'C01 李小红')).toMatch(/ 30 +890\.00$/);
    expect(lineOf(p, '上传后被拒')).toMatch(/ 1 +12\.00$/);
    expect(lineOf(p, '备用金')).toMatch(/ 500\.00$/);
    expect(lineOf(p, '差异说明')).toContain('coin roll miscounted');
    expect(lineOf(p, '现金差异合计')).toMatch(/ -2\.50$/);
    expect(lineOf(p, '校验码')).toMatch(new RegExp(` ${CHAIN_SHA256.slice(0, 16)}$`));
    expect(p.text).not.toContain(CHAIN_SHA256.slice(0, 17));
    expect(p.text).not.toContain('COPY');
    expect(p.text).not.toContain('TRAINING');
    expect(p.printer.roll.filter((i) => i.kind === 'cut')).toHaveLength(1);
  });

  it('text mode, English: the labels follow the receipt locale, the figures do not change', async () => {
    const p = await printReport(await shop(), reportView(), { locale: 'en' });
    expect(p.text).toContain('Z REPORT (END OF DAY)');
    expect(lineOf(p, 'Z No.')).toMatch(/ 12$/);
    expect(lineOf(p, 'Gross')).toMatch(/ 1234\.56$/);
    expect(lineOf(p, 'Card VISA')).toMatch(/ 3 +90\.00$/);
    expect(lineOf(p, 'WeChat Pay')).toMatch(/ 6 +220\.00$/);
    expect(lineOf(p, 'Total cash variance')).toMatch(/ -2\.50$/);
    expect(lineOf(p, 'Chain hash')).toMatch(new RegExp(` ${CHAIN_SHA256.slice(0, 16)}$`));
    expect(p.text).not.toMatch(/报表|销售|现金/);
  });

  it('the reconciled dates, the sales by hour and the voids per cashier (issue 14), in both locales', async () => {
    const en = await printReport(await shop(), reportView(), { locale: 'en' });
    expect(lineOf(en, 'Reconciled: 2026-11-23')).toMatch(/^Reconciled: 2026-11-23 +\(3 resolved\)$/);
    expect(lineOf(en, 'Reconciled: 2026-11-24')).toMatch(/ \(1 resolved\)$/);
    expect(en.text).toContain('Sales by hour');
    expect(lineOf(en, '12:00')).toMatch(/^12:00 +30 +951\.11$/);
    const mine = en.lines.findIndex((l) => l.startsWith('C01'));
    expect(en.lines.slice(mine, mine + 4).join('\n')).toMatch(/ {2}Voided carts +3 *\n {2}Removed lines +4/);
    const zh = await printReport(await shop(), reportView());
    expect(lineOf(zh, '已对账：2026-11-23')).toMatch(/（处理差异 3 笔）$/);
    expect(zh.text).toContain('分时销售');
    // nothing reconciled and no sales: neither section is printed
    const none = await printReport(await shop(), reportView({ reconciledDays: [], hourly: [] }), {
      locale: 'en',
    });
    expect(none.text).not.toMatch(/Reconciled|Sales by hour/);
  });

  it('the report is dated in the zone the host hands the renderer, not always Asia/Shanghai', async () => {
    // reportView() is taken at 14:05 UTC on 25 November: 14:05 in London (GMT), 22:05 in Shanghai
    const london = await printReport(await shop(), reportView(), { timeZone: 'Europe/London' });
    expect(london.text).toContain('2026-11-25 14:05');
    expect(london.text).not.toContain('22:05');
    expect((await printReport(await shop(), reportView())).text).toContain('2026-11-25 22:05');
  });

  it('an X report in training, reprinted: no Z number or chain, training and copy marks top and bottom', async () => {
    const x = reportView({ kind: 'x', zNo: null, chain: null, training: true });
    const p = await printReport(await shop(), x, { copy: true });
    expect(p.text).toContain('X 报表');
    expect(p.text).not.toContain('Z 报表编号');
    expect(p.text).not.toContain('校验码');
    expect(p.lines.filter((l) => l.trim() === '*** 培训 TRAINING ***')).toHaveLength(2);
    expect(lineOf(p, '模式')).toMatch(/^模式 +\*\*\* 培训 TRAINING \*\*\*$/);
    expect(p.lines.filter((l) => l.includes('重印 COPY'))).toHaveLength(2);
  });

  it('58 mm paper: every line fits 32 columns, a long cashier name wraps and its figures keep their column', async () => {
    const p = await printReport(await shop(), reportView(), {
      printer: { profileId: 'cn-58' },
      columns: 32,
    });
    expect(p.lines.length).toBeGreaterThan(40);
    expect(p.lines.filter((l) => displayWidth(l) > 32)).toEqual([]);
    const at = p.lines.findIndex((l) => l.startsWith('C02 Alexandra'));
    expect(at).toBeGreaterThan(0);
    expect(p.lines[at]).not.toContain('Winterbottom');
    expect(p.lines.slice(at + 1, at + 3).join('\n')).toContain('Winterbottom');
    // The figures drop to a right-aligned line of their own under the wrapped name.
    expect(p.lines.slice(at + 1, at + 4).some((l) => / 11 +321\.11$/.test(l))).toBe(true);
  });

  it('raster mode: the report is printed as images the width of the paper, no text', async () => {
    const p = await printReport(await shop(), reportView(), {
      printer: { profileId: 'cn-80', mode: 'raster' },
    });
    const images = p.printer.roll.filter((i) => i.kind === 'image');
    expect(p.lines).toEqual([]);
    expect(images.length).toBeGreaterThan(0);
    expect(new Set(images.map((i) => i.widthDots))).toEqual(new Set([576]));
    const height = images.reduce((h, i) => h + i.height, 0);
    // A long report: far taller than one band, and ink on it.
    expect(height).toBeGreaterThan(1500);
    expect(images.some((i) => i.data.some((b) => b !== 0))).toBe(true);
  });

  it('58 mm raster: 384 dots wide', async () => {
    const p = await printReport(await shop(), reportView(), {
      printer: { profileId: 'cn-58', mode: 'raster' },
      columns: 32,
    });
    const images = p.printer.roll.filter((i) => i.kind === 'image');
    expect(new Set(images.map((i) => i.widthDots))).toEqual(new Set([384]));
  });

  it('a Z interrupted by paper out is re-sent whole, marked 重印 COPY, from the same frozen figures', async () => {
    const s = await shop();
    const jobId = s.db.transaction(() =>
      enqueueReportJob(s.db, { report: reportView(), copy: false, now: s.clock.now() }),
    )();
    const port = createEmulatedPrinterPort();
    const w = s.worker(port);
    port.printer.runOutOfPaperAfter(10);
    await w.step();
    expect(s.jobs.byId(jobId)).toMatchObject({ state: 'interrupted', copy: true });
    const partial = port.printer.renderText();
    expect(partial).not.toContain('现金差异合计');
    port.printer.loadPaper();
    await drain(s, w);
    const resent = port.printer.renderText().slice(partial.length);
    expect(resent.match(/重印 COPY/g)).toHaveLength(2);
    expect(resent).toMatch(/Z 报表编号 +12/);
    expect(resent).toMatch(/现金差异合计 +-2\.50/);
    expect(s.jobs.byId(jobId)).toMatchObject({ state: 'printed', copy: true });
  });

  it('a report job whose JSON is not a report is not printed', async () => {
    const s = await shop();
    const at = s.clock.now().toISOString();
    s.db
      .prepare(
        `INSERT INTO print_jobs (kind, report, state, next_attempt_at, created_at, updated_at)
         VALUES ('report', '{"kind":"y"}', 'queued', ?, ?, ?)`,
      )
      .run(at, at, at);
    const port = createEmulatedPrinterPort();
    await drain(s, s.worker(port));
    expect(port.printer.roll).toEqual([]);
    expect(s.allJobs()[0]?.lastError).toMatch(/does not hold an X or Z report/);
  });
});
