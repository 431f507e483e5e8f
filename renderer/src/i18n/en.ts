// English catalog: the reference key set, one file per area of the screen (en/*.ts). zh-CN must have exactly
// these keys (the type enforces it, per area). ICU MessageFormat: {x, plural, ...}, {x, select, ...},
// {x, number, ::skeleton}. Use ’ not ' in prose (a straight apostrophe can start an ICU quote).
import {
  catalogImport,
  devices,
  errors,
  help,
  manage,
  manager,
  payments,
  refunds,
  sale,
  settings,
  shift,
  reports,
  signin,
  lock,
  staff,
} from './en/index';

export const en = {
  ...sale,
  ...manager,
  ...refunds,
  ...payments,
  ...help,
  ...errors,
  ...manage,
  ...catalogImport,
  ...staff,
  ...shift,
  ...devices,
  ...settings,
  ...signin,
  ...lock,
  ...reports,
} as const satisfies Record<string, string>;
