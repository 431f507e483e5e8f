// 简体中文: the till's lock screen (idle lock, switch user) and its setting.
import type { lock as en } from '../en/lock';

export const lock: Record<keyof typeof en, string> = {
  'lock.title': '收银台已锁定',
  'lock.unlock': '输入密码解锁',
  'lock.switch': '换人',
  'lock.unlockTitle': '解锁：{name}（{code}），请输入密码',
  'lock.switchTitle': '换人：输入工号和密码。{name} 的购物车为其保留。',
  'lock.idleMinutes': '无操作多少分钟后锁定',
  'lock.idleHint': '无键盘、扫码或触摸输入；0 为不锁定。留空：5 分钟。',
  'lock.notMinutes': '0 到 240 的整数分钟',
};
