/** The runtime's public surface, re-exported by a generated SDK. */

export { APIPromise, type APIResponseProps, type ResponseParser } from './api-promise.js';
export {
  type AuthParts,
  type Credentials,
  type Requirement,
  type SecurityScheme,
  authParts,
  cookieHeader,
} from './auth.js';
export { BaseClient } from './client.js';
export { readEnv } from './env.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  UnprocessableEntityError,
} from './errors.js';
export { type HeadersLike, type HeaderValue, mergeHeaders } from './headers.js';
export { type Logger, type LogLevel, levelLogger, parseLogLevel } from './log.js';
export type { ClientConfig, ClientOptions, Fetch } from './options.js';
export { CursorPage, type CursorPageConfig, type PageFetcher, PagePromise } from './pagination.js';
export { type ParseAs, parseResponse } from './parse.js';
export { type PollConfig, type PollOptions, poll } from './polling.js';
export { type ArrayFormat, type Query, stringifyQuery } from './query.js';
export { REDACTED, redactHeaders, redactURL } from './redact.js';
export { APIResource } from './resource.js';
export type { BodyKind, CallSpec, HTTPMethod, RequestOptions, RequestSpec } from './request.js';
export { retryAfterMs, retryDelayMs, shouldRetry } from './retries.js';
export { type ServerSentEvent, iterSSE } from './sse.js';
export { type EventParser, Stream } from './streaming.js';
export { isUploadable, toFile, toFormData, type ToFileOptions, type Uploadable } from './uploads.js';
export { buildURL, path } from './url.js';
