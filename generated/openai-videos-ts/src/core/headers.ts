/** Header merging: later sources win, `null` removes a header, `undefined` leaves it alone. */

export type HeaderValue = string | number | boolean | null | undefined;

/** Anything a caller may pass as headers. */
export type HeadersLike =
  | Headers
  | Readonly<Record<string, HeaderValue>>
  | ReadonlyArray<readonly [string, string]>
  | null
  | undefined;

/**
 * One set of headers from several sources, applied in order: a plain record (fetch takes it as is) keyed by
 * lower-case name, without a prototype so that any header name is an own key. Cheaper than a Headers object.
 */
export function mergeHeaders(...sources: readonly HeadersLike[]): Record<string, string> {
  const merged: Record<string, string> = Object.create(null);
  for (const source of sources) {
    if (!source) continue;
    if (source instanceof Headers || Array.isArray(source)) {
      for (const [name, value] of source as Iterable<readonly [string, string]>) apply(merged, name, value);
    } else {
      const record = source as Readonly<Record<string, HeaderValue>>;
      for (const name of Object.keys(record)) apply(merged, name, record[name]);
    }
  }
  return merged;
}

function apply(merged: Record<string, string>, name: string, value: HeaderValue): void {
  if (value === null) delete merged[name.toLowerCase()];
  else if (value !== undefined) merged[name.toLowerCase()] = String(value);
}

/**
 * The merged headers as fetch takes them: the record, or its pairs when a header is named `__proto__` (fetch reads a
 * record into an object, where that one would be lost). A record of either kind: without a prototype, or a copy.
 */
export function headersInit(headers: Readonly<Record<string, string>>): HeadersInit {
  return Object.hasOwn(headers, '__proto__') ? Object.entries(headers) : headers;
}
