/** URL building: path parameters encoded, the path joined to the base URL, the query string appended. */

import { SDKError } from './errors.js';
import { type ArrayFormat, type Query, stringifyQuery } from './query.js';

/**
 * Tagged template for request paths: every interpolated value is percent-encoded as one path segment,
 * so `path\`/videos/${id}/remix\`` can never be steered to another endpoint.
 */
export function path(strings: TemplateStringsArray, ...params: readonly (string | number)[]): string {
  let built = strings[0] ?? '';
  params.forEach((param, index) => {
    built += encodeSegment(param) + (strings[index + 1] ?? '');
  });
  return built;
}

function encodeSegment(param: string | number): string {
  const value = String(param);
  // "", "." and ".." would drop or climb a segment once the URL is normalised
  if (value === '' || value === '.' || value === '..') {
    throw new SDKError(`Invalid path parameter: ${JSON.stringify(value)}`);
  }
  return encodeURIComponent(value);
}

// normalised URLs by base URL, then path: the same endpoint (or a polled resource) is not parsed again. Keyed in two
// steps, not by one joined string: the base URL is the client's own string, whose hash is kept with it.
const builtURLs = new Map<string, Map<string, string>>();
const MAX_BUILT_URLS = 256;

/** The absolute URL for a path (or an absolute URL, kept as is) with the query appended to any it has. */
export function buildURL(baseURL: string, requestPath: string, query: Query, arrayFormat: ArrayFormat): string {
  const encoded = stringifyQuery(query, arrayFormat);
  let byPath = builtURLs.get(baseURL);
  if (!encoded) {
    const built = byPath?.get(requestPath);
    if (built !== undefined) return built;
  }
  const url = isAbsoluteURL(requestPath)
    ? new URL(requestPath)
    : new URL(`${baseURL.replace(/\/+$/, '')}/${requestPath.replace(/^\/+/, '')}`);
  if (encoded) {
    url.search = url.search ? `${url.search.slice(1)}&${encoded}` : encoded;
    return url.toString();
  }
  if (byPath === undefined || byPath.size >= MAX_BUILT_URLS) {
    if (builtURLs.size >= MAX_BUILT_URLS) builtURLs.clear();
    byPath = new Map();
    builtURLs.set(baseURL, byPath);
  }
  byPath.set(requestPath, url.toString());
  return url.toString();
}

function isAbsoluteURL(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}
