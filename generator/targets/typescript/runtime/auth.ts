/** Security schemes and requirements: which credentials a call sends, and where (header, query or cookie). */

import { SDKError } from './errors.js';
import { isEmpty } from './query.js';

/**
 * How one scheme is sent. `bearer` (also OAuth2 and OpenID Connect tokens) and `basic` go in the Authorization
 * header; `apiKey` in the header, query parameter or cookie `name`.
 */
export interface SecurityScheme {
  kind: 'bearer' | 'basic' | 'apiKey';
  in?: 'header' | 'query' | 'cookie' | undefined;
  name?: string | undefined;
  /** The client options holding its credentials: a token or key, or a username and a password (basic). */
  credentials: readonly string[];
}

/**
 * Alternatives (OR), each the names of the schemes sent together (AND): the first alternative whose credentials
 * are all set is sent. `[]` sends nothing; an empty alternative (`[['key'], []]`) makes credentials optional.
 */
export type Requirement = readonly (readonly string[])[];

/** Credential option values (undefined when not set) and the environment variable each one is read from. */
export interface Credentials {
  values: Readonly<Record<string, string | undefined>>;
  env: Readonly<Record<string, string>>;
}

/** What a requirement adds to a request. */
export interface AuthParts {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

const NONE: AuthParts = { headers: {}, query: {}, cookies: {} };

/**
 * The parts of the first alternative of `requirement` whose credentials are all set; `what` (e.g. "GET /x")
 * names the call in the SDKError thrown when none is.
 */
export function authParts(
  requirement: Requirement,
  schemes: Readonly<Record<string, SecurityScheme>>,
  credentials: Credentials,
  what: string,
): AuthParts {
  if (requirement.length === 0) return NONE;
  for (const alternative of requirement) {
    const found = alternative
      .filter((name) => Object.hasOwn(schemes, name))
      .map((name) => schemes[name] as SecurityScheme);
    if (found.every((scheme) => scheme.credentials.every((option) => credentials.values[option]))) {
      return partsOf(found, credentials.values);
    }
  }
  const missing = requirement.map((alternative) => missingOf(alternative, schemes, credentials));
  throw new SDKError(`${what} needs credentials: ${missing.join('; or ')}.`);
}

function partsOf(schemes: SecurityScheme[], values: Readonly<Record<string, string | undefined>>): AuthParts {
  const parts: AuthParts = { headers: {}, query: {}, cookies: {} };
  for (const scheme of schemes) {
    const [first = '', second = ''] = scheme.credentials.map((option) => values[option] ?? '');
    if (scheme.kind === 'bearer') parts.headers['authorization'] = `Bearer ${first}`;
    else if (scheme.kind === 'basic') parts.headers['authorization'] = `Basic ${base64(`${first}:${second}`)}`;
    else if (scheme.in === 'query') parts.query[scheme.name ?? ''] = first;
    else if (scheme.in === 'cookie') parts.cookies[scheme.name ?? ''] = first;
    else parts.headers[(scheme.name ?? '').toLowerCase()] = first;
  }
  return parts;
}

function missingOf(
  alternative: readonly string[],
  schemes: Readonly<Record<string, SecurityScheme>>,
  credentials: Credentials,
): string {
  const options = alternative.flatMap((name) =>
    Object.hasOwn(schemes, name) ? (schemes[name]?.credentials ?? []) : [],
  );
  const unset = options.filter((option) => !credentials.values[option]);
  const env = unset.map((option) => credentials.env[option]).filter((name) => name !== undefined);
  const set = env.length ? ` (or set ${env.join(' and ')} in the environment)` : '';
  return `pass ${unset.join(' and ')} to the client${set}`;
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone takes Latin-1 only). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A Cookie header value from name/value pairs (values percent-encoded where a cookie may not hold them). */
export function cookieHeader(cookies: Readonly<Record<string, unknown>>): string | undefined {
  if (isEmpty(cookies)) return undefined; // most calls: nothing to filter and join
  const pairs = Object.entries(cookies)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(
      ([name, value]) =>
        `${name}=${encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))}`,
    );
  return pairs.length ? pairs.join('; ') : undefined;
}

/** Header and query names that carry credentials: their values are redacted in logs. */
export function secretNames(schemes: Readonly<Record<string, SecurityScheme>>): { headers: string[]; query: string[] } {
  const all = Object.values(schemes).filter((scheme) => scheme.kind === 'apiKey');
  return {
    headers: all.filter((s) => (s.in ?? 'header') === 'header').map((s) => s.name ?? ''),
    query: all.filter((s) => s.in === 'query').map((s) => s.name ?? ''),
  };
}
