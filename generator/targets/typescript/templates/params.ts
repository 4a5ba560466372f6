/** Splitting a method's params object into the query, headers, cookies and body of its request. */

import { type HeaderValue, stringifyQuery } from '../core/index.js';

/** Where each key of a params object goes: `[key, location, wire name]`; keys not listed go to the body. */
export type Locations = ReadonlyArray<readonly [string, 'query' | 'header' | 'cookie' | 'body' | 'whole', string]>;

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
  const byKey = new Map(locations.map(([key, location, wire]) => [key, [location, wire] as const]));
  for (const [key, value] of Object.entries(params)) {
    const [location, wire] = byKey.get(key) ?? ['body', key];
    if (location === 'query') define(query, wire, value);
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

// defineProperty: a key such as "__proto__" becomes a property, never the prototype
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function headerValue(value: unknown): HeaderValue {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
