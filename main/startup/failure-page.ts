// What the till shows when the host cannot start (store locked, corrupt, too new, config unreadable, disk full).
// A static bilingual page: what happened, which file, that nothing was deleted, what to do. The shell never
// touches the data files on this path — it only reports.
import type { StartupFailure } from '../host-types';

export type StartupFailureCode = StartupFailure['code'];

/** The codes createHost uses for "cannot open the store"; anything else is reported as INTERNAL. */
export const STARTUP_FAILURE_CODES: readonly StartupFailureCode[] = [
  'STORAGE_BUSY',
  'STORAGE_CORRUPT',
  'STORAGE_TOO_NEW',
  'CONFIG_CORRUPT',
  'CONFIG_MISSING',
  'STORAGE_FULL',
  'TRAINING_WITH_GATEWAY',
  'TRAINING_ON_LIVE_STORE',
  'TRAINING_STORE_NOT_LEFT',
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Turns whatever createHost threw into a StartupFailure. Duck-typed on `code` (a PosFailure, or an object
 * already shaped like StartupFailure); the file is taken from `file`, `detail.file` or `detail.path`.
 */
export function toStartupFailure(error: unknown): StartupFailure {
  const code = isRecord(error) ? error['code'] : undefined;
  const detail = isRecord(error) && isRecord(error['detail']) ? error['detail'] : {};
  const message = (isRecord(error) ? str(error['message']) : null) ?? String(error);
  const file = (isRecord(error) ? str(error['file']) : null) ?? str(detail['file']) ?? str(detail['path']);
  const known = STARTUP_FAILURE_CODES.find((c) => c === code);
  return { code: known ?? 'INTERNAL', message, file };
}

interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

interface FailureText {
  readonly what: Bilingual;
  readonly todo: readonly Bilingual[];
}

const TEXT: Readonly<Record<StartupFailureCode, FailureText>> = {
  STORAGE_BUSY: {
    what: {
      zh: '销售数据库正被另一个程序占用（可能是另一个正在运行的收银程序、备份软件或杀毒软件）。',
      en: 'The sales database is in use by another program (perhaps another copy of CounterPOS, a backup tool or antivirus software).',
    },
    todo: [
      {
        zh: '关闭其他收银程序窗口，等待备份完成。',
        en: 'Close any other CounterPOS window and wait for backups to finish.',
      },
      { zh: '然后重新打开本程序。', en: 'Then start CounterPOS again.' },
      { zh: '如果仍然出现，请重启电脑。', en: 'If it keeps happening, restart the computer.' },
    ],
  },
  STORAGE_CORRUPT: {
    what: {
      zh: '销售数据库文件已损坏，无法安全读取。',
      en: 'The sales database file is damaged and cannot be read safely.',
    },
    todo: [
      { zh: '不要删除、移动或替换该文件。', en: 'Do not delete, move or replace the file.' },
      {
        zh: '请联系技术支持，并提供下面的文件路径和技术信息；数据文件夹中可能有自动备份。',
        en: 'Contact support with the file path and technical details below; the data folder may hold an automatic backup.',
      },
    ],
  },
  STORAGE_TOO_NEW: {
    what: {
      zh: '这些数据由更新版本的收银程序写入，当前版本无法打开。',
      en: 'This data was written by a newer version of CounterPOS; this version cannot open it.',
    },
    todo: [
      {
        zh: '请安装最新版本的收银程序，然后重新打开。',
        en: 'Install the latest version of CounterPOS, then start it again.',
      },
      { zh: '不要删除数据文件来“修复”此问题。', en: 'Do not delete the data file to "fix" this.' },
    ],
  },
  CONFIG_CORRUPT: {
    what: {
      zh: '配置文件已损坏，无法读取。',
      en: 'The configuration file is damaged and cannot be read.',
    },
    todo: [
      { zh: '不要删除该文件。', en: 'Do not delete the file.' },
      {
        zh: '请联系技术支持，并提供下面的文件路径；他们可以据此恢复设置。',
        en: 'Contact support with the file path below; they can restore the settings from it.',
      },
    ],
  },
  CONFIG_MISSING: {
    what: {
      zh: '配置文件不见了，但此文件夹中已有本店的销售数据。收银程序不会用默认设置（培训模式、默认税率）继续营业。',
      en: 'The configuration file is missing, but this folder already holds this shop’s sales. CounterPOS will not carry on with default settings (training mode, default tax rates).',
    },
    todo: [
      {
        zh: '请从备份中恢复 config.json 到下面的文件夹，然后重新打开。',
        en: 'Restore config.json from a backup into the folder below, then start CounterPOS again.',
      },
      {
        zh: '没有备份时，请联系技术支持。不要删除数据文件。',
        en: 'Without a backup, contact support. Do not delete the data files.',
      },
    ],
  },
  TRAINING_WITH_GATEWAY: {
    what: {
      zh: '设置同时开启了培训模式和真实的支付网关。培训中的交易不能经过真实网关，所以收银程序没有启动。',
      en: 'The settings turn on training mode and also name a real payment gateway. Training must never reach a real gateway, so CounterPOS did not start.',
    },
    todo: [
      {
        zh: '要正式营业：由店长在“管理 → 设置”中退出培训模式；或在 config.json 中把 trainingMode 设为 false。',
        en: 'To sell for real: a manager leaves training mode in Manage → Settings, or set trainingMode to false in config.json.',
      },
      {
        zh: '要继续培训：删除 config.json 中的 gateway 部分（培训使用内置的模拟网关）。',
        en: 'To keep training: remove the gateway block from config.json (training uses the built-in sandbox gateway).',
      },
    ],
  },
  TRAINING_ON_LIVE_STORE: {
    what: {
      zh: '此数据文件夹中是正式营业的销售数据，不能在其中使用培训模式（培训店长和模拟设备不能接触真实交易）。',
      en: 'This data folder holds a live shop’s sales; training mode cannot run on it (the training manager and emulated devices must never touch real sales).',
    },
    todo: [
      {
        zh: '正常打开收银程序（不带 --training）即可继续营业。',
        en: 'Start CounterPOS normally (without --training) to keep selling.',
      },
      {
        zh: '要练习：使用另一个数据文件夹，例如 npm run web -- --training --data 培训文件夹。',
        en: 'To practise, use another data folder, e.g. npm run web -- --training --data TRAINING-FOLDER.',
      },
    ],
  },
  TRAINING_STORE_NOT_LEFT: {
    what: {
      zh: 'config.json 已设为正式营业，但数据库仍是培训数据。培训销售不能和正式销售混在一起。',
      en: 'config.json says live, but the database still holds training data. Training sales must not mix with live ones.',
    },
    todo: [
      {
        zh: '把 config.json 的 trainingMode 改回 true 后重新打开，再由店长在“管理 → 设置 → 正式营业”中退出培训模式：培训数据会被归档，正式数据库从空白开始。',
        en: 'Set trainingMode back to true in config.json and start again; then a manager uses Manage → Settings → Go live, which archives the training data and starts the live store clean.',
      },
    ],
  },
  STORAGE_FULL: {
    what: {
      zh: '磁盘空间已满，无法保存销售数据。',
      en: 'The disk is full, so sales cannot be saved.',
    },
    todo: [
      {
        zh: '删除不需要的文件或清空回收站，释放磁盘空间。',
        en: 'Free up disk space: delete files you do not need or empty the recycle bin.',
      },
      { zh: '然后重新打开本程序。', en: 'Then start CounterPOS again.' },
    ],
  },
  INTERNAL: {
    what: {
      zh: '启动时发生了意外错误。',
      en: 'An unexpected error occurred while starting.',
    },
    todo: [
      { zh: '重新打开本程序。', en: 'Start CounterPOS again.' },
      {
        zh: '如果仍然出现，请联系技术支持，并提供下面的技术信息。',
        en: 'If it happens again, contact support with the technical details below.',
      },
    ],
  },
};

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const bi = (text: Bilingual, tag: 'p' | 'li'): string =>
  `<${tag}>${escapeHtml(text.zh)}<br><span lang="en">${escapeHtml(text.en)}</span></${tag}>`;

/** The page's own policy: no script at all (the window also has JavaScript disabled), inline CSS only. */
export const FAILURE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export interface FailurePageContext {
  /** The data folder handed to createHost, shown when the failure names no file. */
  readonly dataDir: string;
}

export function renderStartupFailurePage(failure: StartupFailure, context: FailurePageContext): string {
  const text = TEXT[failure.code];
  const fileRow = failure.file
    ? bi({ zh: '相关文件：', en: 'File concerned:' }, 'p') + `<p><code>${escapeHtml(failure.file)}</code></p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FAILURE_PAGE_CSP}">
<title>CounterPOS — 无法启动 / Cannot start</title>
<style>
body{font:16px/1.5 system-ui,"Microsoft YaHei","PingFang SC",sans-serif;margin:2rem auto;max-width:46rem;padding:0 1.5rem;color:#1a1a1a}
h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
[lang=en]{color:#444}.safe{background:#eef7ee;border-left:4px solid #2e7d32;padding:.75rem 1rem}
code{font:14px ui-monospace,Consolas,monospace;background:#f3f3f3;padding:.15rem .35rem;word-break:break-all}
details{margin-top:1.5rem;color:#555}
</style>
</head>
<body data-failure-code="${escapeHtml(failure.code)}">
<h1>收银系统无法启动<br><span lang="en">CounterPOS cannot start</span></h1>
<h2>发生了什么 <span lang="en">What happened</span></h2>
${bi(text.what, 'p')}
${fileRow}
${bi({ zh: '数据文件夹：', en: 'Data folder:' }, 'p')}<p><code>${escapeHtml(context.dataDir)}</code></p>
<div class="safe">${bi({ zh: '没有删除或修改任何数据。所有文件都保持原样。', en: 'Nothing was deleted or changed. All files are exactly as they were.' }, 'p')}</div>
<h2>怎么办 <span lang="en">What to do</span></h2>
<ol>
${text.todo.map((step) => bi(step, 'li')).join('\n')}
</ol>
${bi({ zh: '关闭此窗口即可退出。', en: 'Close this window to quit.' }, 'p')}
<details><summary>技术信息 <span lang="en">Technical details</span></summary>
<p><code>${escapeHtml(failure.code)}</code></p>
<p><code>${escapeHtml(failure.message)}</code></p>
</details>
</body>
</html>
`;
}

/** The page as a data: URL, so it loads without the renderer build or the app:// handler. */
export const toDataUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
