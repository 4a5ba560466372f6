/** A call before it is sent: what generated code and callers specify, and the body it is encoded to. */

import type { Requirement } from './auth.js';
import type { HeadersLike } from './headers.js';
import type { ParseAs } from './parse.js';
import type { EventParser } from './streaming.js';
import type { Query } from './query.js';
import { isUploadable, toFile, toFormData } from './uploads.js';

export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `json` (the default), `multipart` (an object of fields and files) or `raw` (text, bytes, a Blob, a stream). */
export type BodyKind = 'json' | 'multipart' | 'raw';

/** Per-call options a caller may pass as the last argument of any method. */
export interface RequestOptions {
  /** Milliseconds for each attempt before it is aborted and retried. */
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  /** Extra headers; `null` removes a header the client would send. */
  headers?: HeadersLike;
  query?: Query | undefined;
  signal?: AbortSignal | undefined;
  /** Sent as the client's idempotency header instead of a generated key. */
  idempotencyKey?: string | undefined;
}

/** What generated code says about one operation call. */
export interface RequestSpec {
  method: HTTPMethod;
  /** Relative to the base URL, built with the `path` template tag. */
  path: string;
  query?: Query | undefined;
  body?: unknown;
  bodyKind?: BodyKind | undefined;
  /** Multipart fields the spec declares a part contentType for (`{ wire name: content type }`); see `toFormData`. */
  partTypes?: Readonly<Record<string, string>> | undefined;
  /** The Content-Type of a raw body (defaults to the Blob's type, else application/octet-stream). */
  contentType?: string | undefined;
  headers?: HeadersLike;
  /** Cookie parameters, sent in the Cookie header with any cookie credentials. */
  cookies?: Readonly<Record<string, unknown>> | undefined;
  /** The operation's own security requirement, when not the client's default. */
  security?: Requirement | undefined;
  parseAs?: ParseAs | undefined;
  /** For `parseAs: 'stream'`: each event to a value, e.g. keeping the `event` name; default: data as JSON. */
  parseEvent?: EventParser<unknown> | undefined;
}

/** A RequestSpec without its method and path, as the `get`/`post`... helpers take it. */
export type CallSpec = Omit<RequestSpec, 'method' | 'path'>;

export interface EncodedBody {
  body: BodyInit | undefined;
  /** undefined leaves it to fetch (FormData sets its own boundary). */
  contentType: string | undefined;
}

const NO_BODY: EncodedBody = { body: undefined, contentType: undefined };

/**
 * The fetch body for a spec; streams are read into memory so that a retry can send them again. JSON (and no
 * body) is encoded at once, not in a promise: most calls need not wait for a later tick.
 */
export function encodeBody(spec: RequestSpec): EncodedBody | Promise<EncodedBody> {
  const { body } = spec;
  const method: string = spec.method; // HEAD and OPTIONS come cast to HTTPMethod
  // fetch refuses a body on GET and HEAD (a TypeError before any request): specs that declare one get none sent
  if (body === undefined || method === 'get' || method === 'head') return NO_BODY;
  if (spec.bodyKind === 'multipart') {
    return toFormData(body as Readonly<Record<string, unknown>>, spec.partTypes).then((form) => ({
      body: form,
      contentType: undefined,
    }));
  }
  if (spec.bodyKind === 'raw') return encodeRaw(body, spec.contentType);
  return { body: JSON.stringify(body), contentType: spec.contentType ?? 'application/json' };
}

async function encodeRaw(body: unknown, contentType: string | undefined): Promise<EncodedBody> {
  if (typeof body === 'string') return { body, contentType: contentType ?? 'text/plain' };
  if (body instanceof URLSearchParams || body instanceof FormData) return { body, contentType };
  if (!isUploadable(body)) throw new TypeError('A raw body must be a string, bytes, a Blob or a stream.');
  const file = await toFile(body, undefined, { type: contentType });
  return { body: file, contentType: contentType ?? (file.type || 'application/octet-stream') };
}
