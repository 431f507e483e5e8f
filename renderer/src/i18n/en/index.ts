// The English areas, for the catalog (../en.ts) and for the test that each key lives in one area only.
export { sale } from './sale';
export { manager } from './manager';
export { refunds } from './refunds';
export { payments } from './payments';
export { help } from './help';
export { errors } from './errors';
export { manage } from './manage';
export { catalogImport } from './catalog-import';
export { staff } from './staff';
export { devices } from './devices';
export { settings } from './settings';
export { shift } from './shift';
export { signin } from './signin';
export { lock } from './lock';
export { reports } from './reports';
export { journal } from './journal';
export { charts } from './charts';
