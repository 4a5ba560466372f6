/** Attempt timeouts on one shared timer, armed for the earliest pending deadline. */

// Arming and clearing a timer of its own costs each call more than the rest of its timeout bookkeeping. Like
// per-attempt timers, the shared one keeps the process alive only while a deadline is pending (Node's ref/unref; a
// runtime whose timers have no unref clears it once none is).

/** What a deadline ends: its `expire()` is called when the time is up. */
export interface Expiring {
  expire(): void;
}

export interface Deadline {
  readonly at: number;
  readonly target: Expiring;
}

interface RefTimer {
  ref?: () => unknown;
  unref?: () => unknown;
}

const pending = new Set<Deadline>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedAt = Number.POSITIVE_INFINITY;

/** `target.expire()` in `ms` milliseconds (below 2^31 - 1) unless the deadline is cancelled first. */
export function schedule(ms: number, target: Expiring): Deadline {
  const deadline: Deadline = { at: performance.now() + ms, target };
  pending.add(deadline);
  if (deadline.at < armedAt) arm(deadline.at);
  else if (pending.size === 1) refTimer()?.ref?.();
  return deadline;
}

export function cancel(deadline: Deadline): void {
  if (!pending.delete(deadline) || pending.size > 0) return;
  const node = refTimer();
  if (typeof node?.unref === 'function') node.unref();
  else disarm();
}

function fire(): void {
  timer = undefined;
  armedAt = Number.POSITIVE_INFINITY;
  const now = performance.now();
  const due = [...pending].filter((deadline) => deadline.at <= now).sort((a, b) => a.at - b.at);
  for (const deadline of due) pending.delete(deadline);
  let next = Number.POSITIVE_INFINITY;
  for (const deadline of pending) next = Math.min(next, deadline.at);
  if (next < armedAt) arm(next);
  for (const deadline of due) deadline.target.expire();
}

function arm(at: number): void {
  disarm();
  armedAt = at;
  timer = setTimeout(fire, Math.max(0, at - performance.now()));
}

function disarm(): void {
  clearTimeout(timer);
  timer = undefined;
  armedAt = Number.POSITIVE_INFINITY;
}

function refTimer(): RefTimer | undefined {
  return typeof timer === 'object' ? (timer as RefTimer) : undefined;
}
