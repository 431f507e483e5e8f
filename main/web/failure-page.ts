// The page shown instead of the cashier screen when the store cannot be opened. Bilingual, static, no
// scripts: it must work even when nothing else does. It says what happened, which file, that nothing was
// deleted, and what to do.
import type { StartupFailure } from '../host-types';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const ADVICE: Record<StartupFailure['code'], { zh: string; en: string }> = {
  STORAGE_BUSY: {
    zh: '数据库正被另一个程序使用。请关闭其他收银程序窗口后重新启动。',
    en: 'The database is in use by another program. Close any other copy of the POS and start again.',
  },
  STORAGE_CORRUPT: {
    zh: '数据库文件已损坏。文件已原样保留，未被删除或覆盖。请联系技术支持并提供此文件。',
    en: 'The database file is damaged. It has been kept exactly as it is — nothing was deleted or overwritten. Contact support with this file.',
  },
  STORAGE_TOO_NEW: {
    zh: '数据库由更新版本的程序创建。请安装最新版本。',
    en: 'The database was created by a newer version of the app. Install the latest version.',
  },
  CONFIG_CORRUPT: {
    zh: '配置文件无效。文件已原样保留。请修正或联系技术支持。',
    en: 'The configuration file is invalid. It has been kept as it is. Fix it or contact support.',
  },
  STORAGE_FULL: {
    zh: '磁盘已满。请释放磁盘空间后重新启动。',
    en: 'The disk is full. Free some space and start again.',
  },
  INTERNAL: { zh: '启动失败。请联系技术支持。', en: 'The app could not start. Contact support.' },
};

export function failurePage(f: StartupFailure): string {
  const advice = ADVICE[f.code];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>无法启动 / Cannot start</title></head>
<body data-testid="startup-failure" data-code="${esc(f.code)}">
<h1>无法启动收银系统 / The POS cannot start</h1>
<p>${esc(advice.zh)}</p>
<p>${esc(advice.en)}</p>
<p>代码 / Code: <code>${esc(f.code)}</code></p>
<p>详情 / Detail: <code>${esc(f.message)}</code></p>
${f.file ? `<p>文件 / File: <code data-testid="startup-failure-file">${esc(f.file)}</code></p>` : ''}
</body></html>`;
}
