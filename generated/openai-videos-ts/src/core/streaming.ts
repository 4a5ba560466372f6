/** `Stream<T>`: the parsed events of a server-sent-events response as an async iterable, abortable. */

import { APIError, SDKError } from './errors.js';
import { iterSSE, type ServerSentEvent } from './sse.js';

export type EventParser<T> = (event: ServerSentEvent) => T;

/** `for await (const event of stream)`; `stream.controller.abort()` (or leaving the loop) closes the connection. */
export class Stream<T> implements AsyncIterable<T> {
  readonly controller: AbortController;
  private readonly iterator: () => AsyncIterator<T>;
  private consumed = false;

  constructor(iterator: () => AsyncIterator<T>, controller: AbortController) {
    this.iterator = iterator;
    this.controller = controller;
  }

  /** Events of an SSE response: `data` parsed as JSON until `[DONE]`; an `error` event throws an APIError. */
  static fromSSEResponse<T>(
    response: Response,
    controller: AbortController,
    parse: EventParser<T> = parseJSONEvent as EventParser<T>,
  ): Stream<T> {
    return new Stream(() => parsedEvents(response, controller, parse), controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.consumed) throw new SDKError('A stream can be iterated only once.');
    this.consumed = true;
    return this.iterator();
  }
}

async function* parsedEvents<T>(
  response: Response,
  controller: AbortController,
  parse: EventParser<T>,
): AsyncGenerator<T> {
  if (!response.body) throw new SDKError('The streamed response has no body.');
  try {
    for await (const event of iterSSE(response.body)) {
      if (event.data.startsWith('[DONE]')) return;
      if (event.event === 'error') throw new APIError(undefined, safeJSON(event.data), undefined, response.headers);
      yield parse(event);
    }
  } catch (error) {
    // an abort ends the iteration quietly: the caller asked for it
    if (!controller.signal.aborted) throw error;
  } finally {
    // leaving early (break, [DONE], an error) releases the connection, whatever fetch produced the body
    controller.abort();
    await response.body.cancel().catch(() => undefined);
  }
}

function parseJSONEvent(event: ServerSentEvent): unknown {
  try {
    return JSON.parse(event.data);
  } catch {
    throw new SDKError(`Could not parse a server-sent event as JSON: ${event.data.slice(0, 200)}`);
  }
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
