/** One attempt of a call: the abort controller its fetch gets, aborted by the timeout or by the caller's signal. */

import { cancel, type Deadline, type Expiring, schedule } from './deadlines.js';
import { type APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors.js';

// timers fire at once past 2^31 - 1 ms: a longer timeout means none
const MAX_TIMER_MS = 2 ** 31 - 1;

// Node 20 takes about 5 us to make a controller's signal, more than the rest of a call's own work: the controller of
// an attempt whose body was read in full, that nothing aborted and no caller's signal is tied to, serves a later
// attempt. Only a few times: a fetch may leave its abort listener on the signal until its request is collected, and
// Node warns of a leak past ten listeners.
const MAX_USES = 8;
const MAX_SPARE = 16;

interface Lease {
  readonly controller: AbortController;
  uses: number;
}

const spare: Lease[] = [];

export class Attempt implements Expiring {
  readonly controller: AbortController;
  private readonly signal: AbortSignal | undefined;
  private readonly deadline: Deadline | undefined;
  /** Set while the controller may go back to the spare ones. */
  private lease: Lease | undefined;
  private timedOut = false;

  constructor(timeout: number, signal: AbortSignal | undefined) {
    this.signal = signal;
    if (signal) {
      this.controller = new AbortController();
      // the caller's signal also aborts the body later (a stream), so its listener stays
      signal.addEventListener('abort', () => this.controller.abort(signal.reason), { once: true });
    } else {
      this.lease = spare.pop() ?? { controller: new AbortController(), uses: 0 };
      this.lease.uses++;
      this.controller = this.lease.controller;
    }
    this.deadline = timeout < MAX_TIMER_MS ? schedule(timeout, this) : undefined;
  }

  /** The response's body has been read in full: its controller may serve another attempt (once). */
  release(): void {
    const lease = this.lease;
    this.lease = undefined;
    if (lease && !lease.controller.signal.aborted && lease.uses < MAX_USES && spare.length < MAX_SPARE) {
      spare.push(lease);
    }
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
