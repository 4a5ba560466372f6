/** One attempt of a call: the abort controller its fetch gets, aborted by the timeout or by the caller's signal. */

import { cancel, type Deadline, type Expiring, schedule } from './deadlines.js';
import { type APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors.js';

// timers fire at once past 2^31 - 1 ms: a longer timeout means none
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Attempt implements Expiring {
  readonly controller = new AbortController();
  private readonly signal: AbortSignal | undefined;
  private readonly deadline: Deadline | undefined;
  private timedOut = false;

  constructor(timeout: number, signal: AbortSignal | undefined) {
    this.signal = signal;
    // the caller's signal also aborts the body later (a stream), so its listener stays
    signal?.addEventListener('abort', () => this.controller.abort(signal.reason), { once: true });
    this.deadline = timeout < MAX_TIMER_MS ? schedule(timeout, this) : undefined;
  }

  /** The fetch has settled: the timeout no longer applies. */
  settle(): void {
    if (this.deadline) cancel(this.deadline);
  }

  /** The error a failed fetch means for the call (the attempt is settled). */
  failure(cause: unknown): APIError {
    this.settle();
    if (this.signal?.aborted) return new APIUserAbortError();
    if (this.timedOut) return new APIConnectionTimeoutError();
    return new APIConnectionError({ cause });
  }

  /** The timeout passed: the fetch is aborted. */
  expire(): void {
    this.timedOut = true;
    this.controller.abort();
  }
}
