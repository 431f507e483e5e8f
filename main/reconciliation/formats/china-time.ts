// WeChat Pay and Alipay write local China time ("2026-12-05 10:15:32", UTC+8, no daylight saving); rows
// carry ISO-8601 UTC like everything else on the till.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** null when the text is not a real date and time in that form (2026-02-30 is refused, not rolled over). */
export function chinaTimeToIso(text: string): string | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(local);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) return null;
  return new Date(local - CHINA_OFFSET_MS).toISOString();
}
