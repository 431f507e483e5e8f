// The settings screen's working copy of config.json: edited field by field, saved whole (main validates it
// with config.json's own schema and answers each problem with its path, shown beside that field).
import type { SettingsDoc } from '@contract/contract';

export type Draft = SettingsDoc;

/** A copy of `doc` with the value at the dotted `path` replaced (objects on the way are copied, not shared). */
export function setIn(doc: Draft, path: string, value: unknown): Draft {
  const keys = path.split('.');
  const copy = (node: unknown, i: number): unknown => {
    const key = keys[i] as string;
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    if (i === keys.length - 1) {
      // undefined removes the setting, as config.json leaves an unset optional setting out
      return Object.fromEntries(
        Object.entries({ ...obj, [key]: value }).filter(([k, v]) => k !== key || v !== undefined),
      );
    }
    return { ...obj, [key]: copy(obj[key], i + 1) };
  };
  return copy(doc, 0) as Draft;
}

/** The value at a dotted path, or undefined. */
export function getIn(doc: Draft, path: string): unknown {
  let node: unknown = doc;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** main's SETTINGS_INVALID issues ("store.terminalId: Invalid string") by path. */
export function issuesByPath(issues: unknown): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(issues)) return out;
  for (const issue of issues) {
    if (typeof issue !== 'string') continue;
    const at = issue.indexOf(': ');
    if (at > 0) out.set(issue.slice(0, at), issue.slice(at + 2));
  }
  return out;
}
