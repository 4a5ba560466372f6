/** Hiding secrets (credential headers and query parameters) before anything is logged. */

export const REDACTED = '<redacted>';

const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'api-key', 'x-api-key'];

/** Headers as a plain object with every credential header's value replaced. */
export function redactHeaders(headers: Headers, secretNames: readonly string[] = []): Record<string, string> {
  const secret = new Set([...SECRET_HEADERS, ...secretNames.map((name) => name.toLowerCase())]);
  const shown: Record<string, string> = {};
  headers.forEach((value, name) => {
    shown[name] = secret.has(name) ? REDACTED : value;
  });
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
