// A minimal block-style YAML writer for JSON data (objects, arrays, strings, numbers, booleans, null), enough
// for the generated OpenAPI document; no YAML library is installed. Strings are written as JSON strings
// (valid YAML double-quoted scalars) or, when they span lines, as literal blocks; keys that are not plain
// identifiers (e.g. "200", "/v1/...") are quoted so YAML never reads them as numbers.
type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

const isLeaf = (v: Json): boolean =>
  v === null || typeof v !== 'object' || (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function leaf(v: Json, indent: string): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  if (typeof v === 'string' && v.includes('\n')) {
    return `|-\n${v
      .split('\n')
      .map((line) => (line === '' ? '' : `${indent}  ${line}`))
      .join('\n')}`;
  }
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

const keyText = (k: string): string => (/^[A-Za-z_$][\w$.-]*$/.test(k) ? k : JSON.stringify(k));

function lines(v: Json, indent: string): string[] {
  if (Array.isArray(v)) {
    return (v as readonly Json[]).flatMap((item) => {
      if (isLeaf(item)) return [`${indent}- ${leaf(item, `${indent}  `)}`];
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(v as Record<string, Json>).flatMap(([k, val]) =>
    isLeaf(val)
      ? [`${indent}${keyText(k)}: ${leaf(val, indent)}`]
      : [`${indent}${keyText(k)}:`, ...lines(val, `${indent}  `)],
  );
}

export function toYaml(value: Json): string {
  return `${lines(value, '').join('\n')}\n`;
}

export type { Json as YamlValue };
