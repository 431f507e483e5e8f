// Stand-in for the 'electron' module, aliased in by main-wiring.test.ts when it bundles main/electron/main.ts.
// The test installs the fake objects on globalThis before loading the bundle.
const fake = (globalThis as { __fakeElectron?: Record<string, unknown> }).__fakeElectron;
if (!fake) throw new Error('fake electron not installed');

export const { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } = fake;
