/** Splitting a method's params object into the query, headers, cookies and body of its request. */

import { type HeaderValue, stringifyQuery } from '../core/index.js';

/** An OpenAPI query style the query string's default (arrays repeated, objects as `key[sub]`) does not write. */
export type QueryStyle = 'form' | 'spaceDelimited' | 'pipeDelimited';

/**
 * Where each key of a params object goes: `[key, location, wire name]`, and for a query parameter in another style
 * than the query string's default, that style and whether it explodes; keys not listed go to the body.
 */
export type Locations = ReadonlyArray<
  readonly [string, 'query' | 'header' | 'cookie' | 'body' | 'whole', string, QueryStyle?, boolean?]
>;

export interface SplitParams {
  query: Record<string, unknown>;
  headers: Record<string, HeaderValue>;
  cookies: Record<string, unknown>;
  body: unknown;
}

export function split(params: object, locations: Locations): SplitParams {
  const query: Record<string, unknown> = {};
  const headers: Record<string, HeaderValue> = {};
  const cookies: Record<string, unknown> = {};
  let fields: Record<string, unknown> | undefined;
  let whole: unknown;
  const byKey = new Map(locations.map(([key, ...where]) => [key, where]));
  for (const [key, value] of Object.entries(params)) {
    const [location, wire, style, explode] = byKey.get(key) ?? ['body', key];
    if (location === 'query') defineStyled(query, wire, value, style, explode ?? true);
    else if (location === 'header') define(headers, wire, headerValue(value));
    else if (location === 'cookie') define(cookies, wire, value);
    else if (location === 'whole') whole = value;
    else define((fields ??= {}), wire, value);
  }
  return { query, headers, cookies, body: whole ?? fields };
}

/** An application/x-www-form-urlencoded body, encoded like a query string. */
export function formBody(fields: unknown): URLSearchParams | undefined {
  // an optional body the caller left out is not sent (as the JSON and multipart bodies)
  if (fields === undefined) return undefined;
  return new URLSearchParams(stringifyQuery({ ...(fields as Record<string, unknown>) }));
}

/**
 * A query value in its OpenAPI style: an exploded form object as its own keys (`{ a: 1 }` is `a=1`), a value of
 * another style as one text joined by the style's delimiter (an object as its keys and values); no style: as is.
 */
function defineStyled(
  query: Record<string, unknown>,
  wire: string,
  value: unknown,
  style?: QueryStyle,
  explode = true,
): void {
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
  if (style === undefined || value === undefined || value === null || (style === 'form' && explode && !object)) {
    define(query, wire, value);
  } else if (style === 'form' && explode) {
    for (const [sub, item] of Object.entries(value as object)) define(query, sub, item);
  } else {
    const items: unknown[] = Array.isArray(value) ? value : object ? Object.entries(value as object).flat() : [value];
    const text = items.filter((item) => item !== undefined && item !== null).map(String);
    define(query, wire, text.join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','));
  }
}

// defineProperty: a key such as "__proto__" becomes a property, never the prototype
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function headerValue(value: unknown): HeaderValue {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
