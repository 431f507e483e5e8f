// 简体中文: signing in and out at the till (the header’s button, the sign-in dialog, the status bar).
import type { signin as en } from '../en/signin';

export const signin: Record<keyof typeof en, string> = {
  'signin.open': '登录',
  'signin.title': '登录：输入工号和密码（或扫描员工卡）',
  'signin.confirm': '登录',
  'signin.signedIn': '已登录：{name}（{code}）',
  'signin.signOut': '退出登录',
  'signin.switch': '换人登录',
  'signin.status': '{name}',
  'signin.nobody': '未登录',
};
