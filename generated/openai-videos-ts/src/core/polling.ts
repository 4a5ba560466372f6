/** Polling: retrieve a resource again until its status leaves the pending values. */

import type { APIPromise } from './api-promise.js';
import { APIUserAbortError } from './errors.js';

/** Generated from the API description for each pollable resource. */
export interface PollConfig {
  /** The field of the retrieved value holding its status, e.g. "status". */
  statusField: string;
  /** Statuses that mean "not done yet", e.g. ["queued", "in_progress"]. */
  pending: readonly string[];
  /** A response header giving the next interval in milliseconds, e.g. "openai-poll-after-ms". */
  intervalHeader?: string | undefined;
  /** The interval when neither the header nor the caller sets one. */
  defaultIntervalMs?: number | undefined;
}

export interface PollOptions {
  /** The caller's interval, used when the response names none. */
  pollIntervalMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** Calls `retrieve` until the value's status is no longer pending, then returns that value. */
export async function poll<T>(
  retrieve: () => APIPromise<T>,
  config: PollConfig,
  options: PollOptions,
  sleep: (ms: number) => Promise<void>,
): Promise<T> {
  for (;;) {
    const { data, response } = await retrieve().withResponse();
    const status = (data as Record<string, unknown> | null)?.[config.statusField];
    if (!config.pending.includes(String(status))) return data;
    if (options.signal?.aborted) throw new APIUserAbortError();
    await sleep(intervalMs(response.headers, config, options));
  }
}

function intervalMs(headers: Headers, config: PollConfig, options: PollOptions): number {
  const header = config.intervalHeader ? headers.get(config.intervalHeader)?.trim() : undefined;
  if (header && Number.isFinite(Number(header))) return Math.max(Number(header), 0);
  if (options.pollIntervalMs !== undefined) return Math.max(options.pollIntervalMs, 0);
  return config.defaultIntervalMs ?? 1000;
}
