/** When a failed attempt is retried and how long to wait: status rules, `x-should-retry`, Retry-After, backoff. */

export const DEFAULT_MAX_RETRIES = 2;
/** The longest Retry-After honoured; a server asking for more gets no retry (client option maxRetryAfter). */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;

const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8000;
const JITTER_FACTOR = 0.25;
const RETRIED_STATUSES = new Set([408, 409, 429]);

/** The server's `x-should-retry` decides when present; else 408, 409, 429 and 5xx are retried. */
export function shouldRetry(response: Response): boolean {
  const verdict = response.headers.get('x-should-retry')?.trim().toLowerCase();
  if (verdict === 'true') return true;
  if (verdict === 'false') return false;
  return RETRIED_STATUSES.has(response.status) || response.status >= 500;
}

export interface DelayPolicy {
  maxRetryAfterMs: number;
  /** A number in [0, 1) for jitter. */
  random: () => number;
}

/**
 * Milliseconds to wait before retry number `retriesTaken + 1`, or undefined: do not retry.
 * A positive `retry-after-ms` / `retry-after` (seconds or HTTP date) is honoured up to the cap; above it the
 * call is not retried. Otherwise 0.5 s doubled per retry, capped at 8 s, less up to 25 % jitter.
 */
export function retryDelayMs(
  retriesTaken: number,
  headers: Headers | undefined,
  policy: DelayPolicy,
): number | undefined {
  const asked = headers ? retryAfterMs(headers) : undefined;
  if (asked !== undefined && asked > 0) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retriesTaken, MAX_RETRY_DELAY_MS);
  return delay * (1 - JITTER_FACTOR * policy.random());
}

/** The delay a response asks for, in milliseconds, from `retry-after-ms` or `retry-after`. */
export function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = parseNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
