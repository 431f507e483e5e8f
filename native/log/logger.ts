// The one logger type of the app (main/) and the drivers (native/): a level, a message, structured fields.
// It lives in native/ because that is the lowest layer both may import: native/ imports nothing from main/
// (eslint.config.js), while main/ may import native/.
export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, message: string, fields?: Readonly<Record<string, unknown>>) => void;
