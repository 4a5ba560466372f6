/** Query-string encoding: arrays as repeated keys (or comma / brackets), objects as `key[sub]`, nulls skipped. */

export type ArrayFormat = 'repeat' | 'comma' | 'brackets';

export type Query = Readonly<Record<string, unknown>>;

/** `a=1&a=2` (repeat), `a=1,2` (comma) or `a[]=1&a[]=2` (brackets); `filter[name]=x` for objects. */
export function stringifyQuery(query: Query, arrayFormat: ArrayFormat = 'repeat'): string {
  if (isEmpty(query)) return ''; // most calls: no URLSearchParams to build
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) appendParam(params, key, value, arrayFormat);
  return params.toString();
}

function appendParam(params: URLSearchParams, key: string, value: unknown, format: ArrayFormat): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    appendArray(params, key, value, format);
  } else if (value instanceof Date) {
    params.append(key, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [sub, item] of Object.entries(value)) appendParam(params, `${key}[${sub}]`, item, format);
  } else {
    params.append(key, String(value));
  }
}

function appendArray(params: URLSearchParams, key: string, values: readonly unknown[], format: ArrayFormat): void {
  if (format === 'comma') {
    const present = values.filter((value) => value !== undefined && value !== null);
    if (present.length > 0) params.append(key, present.map(String).join(','));
    return;
  }
  const name = format === 'brackets' ? `${key}[]` : key;
  for (const value of values) appendParam(params, name, value, format);
}

/** Whether a record has no keys (without building the list of them). */
export function isEmpty(query: Query): boolean {
  for (const _key in query) return false;
  return true;
}
