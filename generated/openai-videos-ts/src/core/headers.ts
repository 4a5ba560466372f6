/** Header merging: later sources win, `null` removes a header, `undefined` leaves it alone. */

export type HeaderValue = string | number | boolean | null | undefined;

/** Anything a caller may pass as headers. */
export type HeadersLike =
  | Headers
  | Readonly<Record<string, HeaderValue>>
  | ReadonlyArray<readonly [string, string]>
  | null
  | undefined;

/** One Headers object from several sources, applied in order. */
export function mergeHeaders(...sources: readonly HeadersLike[]): Headers {
  const merged = new Headers();
  for (const source of sources) {
    for (const [name, value] of entriesOf(source)) {
      if (value === null) merged.delete(name);
      else if (value !== undefined) merged.set(name, String(value));
    }
  }
  return merged;
}

function entriesOf(source: HeadersLike): Iterable<readonly [string, HeaderValue]> {
  if (!source) return [];
  if (source instanceof Headers) return source.entries();
  if (Array.isArray(source)) return source as ReadonlyArray<readonly [string, string]>;
  return Object.entries(source);
}
