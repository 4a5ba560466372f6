/** Hiding secrets (credential headers and query parameters) before anything is logged. */

export const REDACTED = '<redacted>';

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'api-key', 'x-api-key'];

/** Headers (a Headers object or a record of lower-case names) as a plain object, credential values replaced. */
export function redactHeaders(
  headers: Headers | Readonly<Record<string, string>>,
  secretNames: readonly string[] = [],
): Record<string, string> {
  const secret = new Set([...SECRET_HEADERS, ...secretNames.map((name) => name.toLowerCase())]);
  const shown: Record<string, string> = {};
  for (const [name, value] of headers instanceof Headers ? headers : Object.entries(headers)) {
    shown[name] = secret.has(name) ? REDACTED : value;
  }
  return shown;
}

/** The URL with the values of the named query parameters replaced. */
export function redactURL(url: string, secretParams: readonly string[]): string {
  if (secretParams.length === 0) return url;
  const parsed = new URL(url);
  for (const name of secretParams) {
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}
