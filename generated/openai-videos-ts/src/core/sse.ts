/** Server-sent events decoding: bytes to lines to events (`event`, `data`, `id`, `retry` fields). */

export interface ServerSentEvent {
  event: string | null;
  /** The event's `data` lines joined with "\n". */
  data: string;
  id: string | null;
  retry: number | null;
}

/** Every event of an SSE body, the last one even without its closing blank line. */
export async function* iterSSE(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  let pending = emptyEvent();
  let dataLines: string[] = [];
  for await (const line of iterLines(body)) {
    if (line === '') {
      if (dataLines.length > 0 || pending.event !== null) yield withData(pending, dataLines);
      pending = emptyEvent();
      dataLines = [];
    } else if (!line.startsWith(':')) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') dataLines.push(value);
      else applyField(pending, field, value);
    }
  }
  if (dataLines.length > 0 || pending.event !== null) yield withData(pending, dataLines);
}

// fills the pending event in place (a fresh one follows it): no copy per event
function withData(event: ServerSentEvent, dataLines: readonly string[]): ServerSentEvent {
  event.data = dataLines.join('\n');
  return event;
}

function emptyEvent(): ServerSentEvent {
  return { event: null, data: '', id: null, retry: null };
}

function applyField(event: ServerSentEvent, field: string, value: string): void {
  if (field === 'event') event.event = value;
  else if (field === 'id' && !value.includes('\0')) event.id = value;
  else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
}

/** Lines split on "\n", "\r\n" or "\r", even when a chunk boundary falls inside a character or a "\r\n". */
async function* iterLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const [lines, rest] = splitLines(buffer, done);
      yield* lines;
      buffer = rest;
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  if (buffer) yield buffer;
}

function splitLines(buffer: string, final: boolean): [string[], string] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < buffer.length; index++) {
    const char = buffer[index];
    if (char !== '\n' && char !== '\r') continue;
    // a trailing "\r" may be the first half of a "\r\n" still on the wire
    if (char === '\r' && index === buffer.length - 1 && !final) break;
    lines.push(buffer.slice(start, index));
    if (char === '\r' && buffer[index + 1] === '\n') index++;
    start = index + 1;
  }
  return [lines, buffer.slice(start)];
}
