/** What a successful response becomes: parsed JSON, text, the raw Response (downloads) or an SSE Stream. */

import type { APIResponseProps } from './api-promise.js';
import { type EventParser, Stream } from './streaming.js';

/** `json` (the default) parses a JSON body and returns other bodies as text; `response` leaves the body unread. */
export type ParseAs = 'json' | 'text' | 'response' | 'stream';

/** `parseEvent` turns each server-sent event of a stream into a value (default: its data as JSON). */
export async function parseResponse<T>(
  props: APIResponseProps,
  parseAs: ParseAs = 'json',
  parseEvent?: EventParser<unknown>,
): Promise<T> {
  const { response, controller } = props;
  if (parseAs === 'response') return response as T;
  if (parseAs === 'stream') return Stream.fromSSEResponse(response, controller, parseEvent) as T;
  if (response.status === 204) {
    await response.body?.cancel();
    props.attempt?.release();
    return undefined as T;
  }
  const text = await response.text();
  props.attempt?.release();
  if (parseAs === 'text') return text as T;
  if (!text) return undefined as T; // no content (an operation typed void): undefined, not ''
  return (isJSON(response) ? JSON.parse(text) : text) as T;
}

/** The body of an error response: JSON when it parses, else the text, undefined when empty or unreadable. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isJSON(response: Response): boolean {
  const header = response.headers.get('content-type') ?? '';
  const end = header.indexOf(';');
  const type = (end === -1 ? header : header.slice(0, end)).trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}
