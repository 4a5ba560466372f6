/** Client configuration: the options a caller passes and the per-API settings generated code passes. */

import type { Requirement, SecurityScheme } from './auth.js';
import type { HeadersLike } from './headers.js';
import type { Logger, LogLevel } from './log.js';
import type { ArrayFormat, Query } from './query.js';

/** The transport: the global fetch by default; tests and custom agents pass their own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Options a caller passes to the client's constructor. */
export interface ClientOptions {
  /**
   * Defaults to the API's environment variable (ClientConfig.credentialEnv). An API with several security
   * schemes adds one option per credential (the generated client's options type).
   */
  apiKey?: string | undefined;
  /** Defaults to the API's environment variable (ClientConfig.baseURLEnv), else its first server. */
  baseURL?: string | undefined;
  /** Milliseconds for each attempt; default 10 minutes. */
  timeout?: number | undefined;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number | undefined;
  /** The longest Retry-After honoured, in milliseconds; a server asking for more gets no retry. Default 60 s. */
  maxRetryAfter?: number | undefined;
  fetch?: Fetch | undefined;
  /** Sent with every request; `null` removes a header the client would send. */
  defaultHeaders?: HeadersLike;
  defaultQuery?: Query | undefined;
  /** Defaults to the API's log environment variable (ClientConfig.logLevelEnv), else "warn". */
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
  /** Waits between retries and polls; tests pass one that does not wait. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** A number in [0, 1) for backoff jitter; tests pass a fixed one. */
  random?: (() => number) | undefined;
}

/** Per-API settings the generated client passes to the core. */
export interface ClientConfig {
  defaultBaseURL: string;
  /** Environment variables read when the matching option is not given: credential option -> variable. */
  credentialEnv?: Readonly<Record<string, string>> | undefined;
  baseURLEnv?: string | undefined;
  logLevelEnv?: string | undefined;
  /** The security schemes by name; absent: requests carry no credentials. */
  schemes?: Readonly<Record<string, SecurityScheme>> | undefined;
  /** The requirement of every call whose spec has none of its own; default `[]` (no credentials). */
  security?: Requirement | undefined;
  /** Whether a missing credential of `security` fails at construction (an API every call of which needs it). */
  checkAtInit?: boolean | undefined;
  /** e.g. "Idempotency-Key": one key per call (not per attempt) on every non-GET request. */
  idempotencyHeader?: string | undefined;
  userAgent?: string | undefined;
  arrayFormat?: ArrayFormat | undefined;
}
