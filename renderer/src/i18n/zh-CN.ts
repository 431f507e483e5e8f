// 简体中文, one file per area of the screen (zh-CN/*.ts); each area's type makes a missing or extra key a
// compile error there, and this one over the whole catalog.
import type { en } from './en';
import { sale } from './zh-CN/sale';
import { manager } from './zh-CN/manager';
import { refunds } from './zh-CN/refunds';
import { payments } from './zh-CN/payments';
import { help } from './zh-CN/help';
import { errors } from './zh-CN/errors';
import { manage } from './zh-CN/manage';
import { catalogImport } from './zh-CN/catalog-import';
import { staff } from './zh-CN/staff';
import { devices } from './zh-CN/devices';
import { settings } from './zh-CN/settings';
import { shift } from './zh-CN/shift';
import { signin } from './zh-CN/signin';
import { lock } from './zh-CN/lock';
import { reports } from './zh-CN/reports';
import { journal } from './zh-CN/journal';
import { charts } from './zh-CN/charts';
import { recon } from './zh-CN/recon';

export const zhCN: Record<keyof typeof en, string> = Object.assign(
  {},
  sale,
  manager,
  refunds,
  payments,
  help,
  errors,
  manage,
  catalogImport,
  staff,
  shift,
  devices,
  settings,
  signin,
  lock,
  reports,
  journal,
  charts,
  recon,
);
