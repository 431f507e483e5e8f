// Start-up work long enough to need a screen: today only the backup taken before a schema update, which copies
// the whole store (seconds at a year of sales). Both shells show the same static page: Electron loads it as a
// data: URL on each change of percent, the web host serves it (it reloads itself) until the host is ready.
import { escapeHtml, FAILURE_PAGE_CSP } from './failure-page';

export interface StartupProgress {
  /** What is being done: 'backup' = backing up the store before an update migrates it. */
  readonly step: 'backup';
  /** Pages copied so far, and in all. */
  readonly done: number;
  readonly total: number;
}

/** Whole percent done, 0..100 (0 while the total is not known yet). */
export function percentOf(p: StartupProgress): number {
  if (!(p.total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((p.done / p.total) * 100)));
}

/**
 * Passes a progress report on only when its whole percent changed (a backup reports every few thousand pages;
 * a screen needs at most a hundred redraws).
 */
export function onPercentChange(show: (p: StartupProgress) => void): (p: StartupProgress) => void {
  let last = -1;
  return (p) => {
    const pct = percentOf(p);
    if (pct === last) return;
    last = pct;
    show(p);
  };
}

const TEXT: Record<StartupProgress['step'], { zh: string; en: string }> = {
  backup: { zh: '正在备份数据，然后更新', en: 'Backing up before an update' },
};

export interface ProgressPageOptions {
  /** The web host's page reloads itself this often (no script: the page's policy allows none). */
  readonly refreshSeconds?: number;
}

export function renderStartupProgressPage(p: StartupProgress, opts: ProgressPageOptions = {}): string {
  const pct = percentOf(p);
  const text = TEXT[p.step];
  const refresh =
    opts.refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${opts.refreshSeconds}">\n`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FAILURE_PAGE_CSP}">
${refresh}<title>CounterPOS — 正在启动 / Starting</title>
<style>
body{font:16px/1.5 system-ui,"Microsoft YaHei","PingFang SC",sans-serif;margin:4rem auto;max-width:40rem;padding:0 1.5rem;color:#1a1a1a}
h1{font-size:1.5rem;margin:0 0 1.5rem}[lang=en]{color:#444}progress{width:100%;height:1.5rem}
.pct{font-size:2rem;font-variant-numeric:tabular-nums;margin:.5rem 0}
</style>
</head>
<body data-startup-step="${escapeHtml(p.step)}" data-percent="${pct}">
<h1>${escapeHtml(text.zh)}<br><span lang="en">${escapeHtml(text.en)}</span></h1>
<progress max="100" value="${pct}">${pct}%</progress>
<p class="pct">${pct}%</p>
<p>请勿关闭本程序或电脑。<br><span lang="en">Do not close CounterPOS or turn off the computer.</span></p>
</body>
</html>
`;
}
