/** The core client a generated SDK extends: configuration, request building, sending with retries and timeouts. */

import { APIPromise, type APIResponseProps, type ResponseParser } from './api-promise.js';
import { type AuthParts, authParts, type Credentials, cookieHeader, secretNames } from './auth.js';
import { Attempt } from './attempt.js';
import { readEnv } from './env.js';
import { APIConnectionError, APIError, APIUserAbortError, SDKError } from './errors.js';
import { type HeadersLike, headersInit, mergeHeaders } from './headers.js';
import { type Logger, levelLogger, parseLogLevel } from './log.js';
import type { ClientConfig, ClientOptions, Fetch } from './options.js';
import { CursorPage, type CursorPageConfig, type PageFetcher, PagePromise } from './pagination.js';
import { parseResponse, readErrorBody } from './parse.js';
import { type PollConfig, type PollOptions, poll } from './polling.js';
import { redactHeaders, redactURL } from './redact.js';
import {
  type CallSpec,
  type EncodedBody,
  encodeBody,
  type HTTPMethod,
  type RequestOptions,
  type RequestSpec,
} from './request.js';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_SECONDS,
  type DelayPolicy,
  retryDelayMs,
  shouldRetry,
  sleep,
} from './retries.js';
import { isEmpty, type Query } from './query.js';
import { buildURL } from './url.js';

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
// a call without options shares this one (never written to) instead of a new object
const NO_OPTIONS: RequestOptions = Object.freeze({});
const NO_QUERY: Query = Object.freeze({});
const MAX_HEADER_SETS = 16;

type HeaderSets = Map<string | undefined, Record<string, string>>;

interface PreparedRequest {
  url: string;
  method: string;
  headers: HeadersInit;
  body: BodyInit | null;
}

export class BaseClient {
  /** The `apiKey` credential (from the option or its environment variable). */
  readonly apiKey: string | undefined;
  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly logger: Logger;
  /** Waits between retries and polls (the `sleep` option in tests). */
  readonly sleep: (ms: number) => Promise<void>;
  protected readonly config: ClientConfig;
  protected readonly options: ClientOptions;
  protected readonly fetch: Fetch;
  protected readonly delayPolicy: DelayPolicy;
  /** Whether debug logs are on: their details (redacted headers, URLs) are only built then. */
  private readonly debugLogs: boolean;
  /** Every credential option's value, from the option or its environment variable. */
  private readonly credentialSet: Credentials;
  private readonly secretKeys: { headers: string[]; query: string[] };
  /** What the client's own requirement sends: credentials are fixed for a client's life (withOptions makes another). */
  private defaultAuth: AuthParts | undefined;
  /** commonHeaders' merged headers by content type: of calls that parse their body, and of streamed calls. */
  private readonly headerSets: [HeaderSets, HeaderSets] = [new Map(), new Map()];

  constructor(options: ClientOptions, config: ClientConfig) {
    this.config = config;
    this.options = options;
    this.credentialSet = resolveCredentials(options, config);
    this.apiKey = this.credentialSet.values['apiKey'];
    this.secretKeys = secretNames(config.schemes ?? {});
    if (config.checkAtInit) this.authFor(undefined);
    this.baseURL = options.baseURL ?? envOf(config.baseURLEnv) ?? config.defaultBaseURL;
    this.timeout = nonNegative('timeout', options.timeout ?? DEFAULT_TIMEOUT_MS);
    this.maxRetries = nonNegative('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES);
    const maxRetryAfterMs = nonNegative(
      'maxRetryAfter',
      options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_SECONDS * 1000,
    );
    this.delayPolicy = { maxRetryAfterMs, random: options.random ?? Math.random };
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.sleep = options.sleep ?? sleep;
    const level = options.logLevel ?? parseLogLevel(envOf(config.logLevelEnv)) ?? 'warn';
    this.logger = levelLogger(level, options.logger ?? console);
    this.debugLogs = level === 'debug';
  }

  /**
   * A copy of this client (of the same class) with some options replaced: other headers, key, retries, timeout...
   * Options not given keep this client's values, including a key or base URL it read from the environment; this
   * client is unchanged.
   */
  withOptions(options: Partial<ClientOptions>): this {
    const Client = this.constructor as new (options: ClientOptions, config: ClientConfig) => this;
    const resolved = { ...this.options, ...this.credentialSet.values, baseURL: this.baseURL };
    return new Client({ ...resolved, ...options }, this.config);
  }

  get<T>(path: string, spec?: CallSpec, options?: RequestOptions): APIPromise<T> {
    return this.request({ method: 'get', path, ...spec }, options);
  }

  post<T>(path: string, spec?: CallSpec, options?: RequestOptions): APIPromise<T> {
    return this.request({ method: 'post', path, ...spec }, options);
  }

  put<T>(path: string, spec?: CallSpec, options?: RequestOptions): APIPromise<T> {
    return this.request({ method: 'put', path, ...spec }, options);
  }

  patch<T>(path: string, spec?: CallSpec, options?: RequestOptions): APIPromise<T> {
    return this.request({ method: 'patch', path, ...spec }, options);
  }

  delete<T>(path: string, spec?: CallSpec, options?: RequestOptions): APIPromise<T> {
    return this.request({ method: 'delete', path, ...spec }, options);
  }

  /** One call: sent now, retried as needed; the promise resolves to the body parsed as `spec.parseAs` says. */
  request<T>(spec: RequestSpec, options: RequestOptions = NO_OPTIONS): APIPromise<T> {
    const parse =
      spec.parseAs === undefined && spec.parseEvent === undefined
        ? (parseResponse as ResponseParser<T>)
        : (props: APIResponseProps) => parseResponse<T>(props, spec.parseAs, spec.parseEvent);
    return new APIPromise(this.send(spec, options), parse);
  }

  /** A paginated GET (or `spec.method`): awaitable as the first page, async-iterable over every item. */
  getAPIList<Item>(
    path: string,
    pageConfig: CursorPageConfig,
    spec: CallSpec & { method?: HTTPMethod | undefined } = {},
    options: RequestOptions = {},
  ): PagePromise<CursorPage<Item>, Item> {
    const fetchPage: PageFetcher<Item> = (cursorQuery) =>
      this.getAPIList(path, pageConfig, spec, { ...options, query: { ...options.query, ...cursorQuery } });
    const sent = this.send({ path, ...spec, method: spec.method ?? 'get' }, options);
    return new PagePromise(sent, async (props) => {
      return new CursorPage<Item>(await parseResponse(props), props.response, pageConfig, fetchPage);
    });
  }

  /** Calls `retrieve` until the value's status leaves `config.pending` (see polling.ts). */
  poll<T>(retrieve: () => APIPromise<T>, config: PollConfig, options: PollOptions = {}): Promise<T> {
    return poll(retrieve, config, options, this.sleep);
  }

  /** The credentials a call sends: its own requirement, else the client's (kept); an SDKError when none can be met. */
  protected authFor(spec: RequestSpec | undefined): AuthParts {
    const own = spec?.security;
    if (own === undefined && this.defaultAuth) return this.defaultAuth;
    const what = spec ? `${spec.method.toUpperCase()} ${spec.path}` : 'This client';
    const parts = authParts(own ?? this.config.security ?? [], this.config.schemes ?? {}, this.credentialSet, what);
    if (own === undefined) this.defaultAuth = parts;
    return parts;
  }

  /** Sends until a response that is not retried; resolves on 2xx, rejects with the matching APIError. */
  protected async send(spec: RequestSpec, options: RequestOptions): Promise<APIResponseProps> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const encoded = encodeBody(spec);
    const prepared = this.prepare(spec, options, encoded instanceof Promise ? await encoded : encoded);
    const { url, method, headers, body } = prepared;
    for (let retriesTaken = 0; ; retriesTaken++) {
      const canRetry = retriesTaken < maxRetries;
      if (options.signal?.aborted) throw new APIUserAbortError();
      const attempt = new Attempt(options.timeout ?? this.timeout, options.signal);
      let response: Response;
      try {
        response = await this.fetch.call(undefined, url, { method, headers, body, signal: attempt.controller.signal });
      } catch (error) {
        const failure = attempt.failure(error);
        if (!(failure instanceof APIConnectionError) || !canRetry) throw failure;
        await this.waitToRetry(retriesTaken, retryDelayMs(retriesTaken, undefined, this.delayPolicy), options.signal);
        continue;
      }
      attempt.settle();
      if (this.debugLogs) this.logger.debug(`response ${response.status}`, { url: this.redact(url) });
      if (response.ok) return { response, controller: attempt.controller, attempt };
      const delay =
        canRetry && shouldRetry(response) ? retryDelayMs(retriesTaken, response.headers, this.delayPolicy) : undefined;
      if (delay === undefined)
        throw APIError.generate(response.status, await readErrorBody(response), response.headers);
      // release the connection: the body of a retried response is never read
      await response.body?.cancel().catch(() => undefined);
      await this.waitToRetry(retriesTaken, delay, options.signal);
    }
  }

  /** URL, headers and body, built once per call so that every attempt sends the same idempotency key. */
  protected prepare(spec: RequestSpec, options: RequestOptions, encoded: EncodedBody): PreparedRequest {
    const auth = this.authFor(spec);
    const { defaultQuery } = this.options;
    const query =
      defaultQuery || spec.query || options.query || !isEmpty(auth.query)
        ? { ...defaultQuery, ...auth.query, ...spec.query, ...options.query }
        : NO_QUERY;
    const url = buildURL(this.baseURL, spec.path, query, this.config.arrayFormat ?? 'repeat');
    const { body, contentType } = encoded;
    const cookie = cookieHeader(spec.cookies ? { ...spec.cookies, ...auth.cookies } : auth.cookies);
    const idempotency = this.idempotencyHeaders(spec.method, options);
    const own = cookie !== undefined || idempotency || spec.headers || options.headers || auth !== this.defaultAuth;
    const headers = own
      ? mergeHeaders(
          this.baseHeaders(spec, contentType, cookie),
          auth.headers,
          this.options.defaultHeaders,
          idempotency,
          spec.headers,
          options.headers,
        )
      : this.commonHeaders(spec, contentType, auth.headers);
    if (this.debugLogs) {
      this.logger.debug(`request ${spec.method.toUpperCase()}`, {
        url: this.redact(url),
        headers: redactHeaders(headers, this.secretKeys.headers),
      });
    }
    return { url, method: spec.method.toUpperCase(), headers: headersInit(headers), body: body ?? null };
  }

  /** What every call of this kind (streamed or not, with this content type) sends before its own headers. */
  private baseHeaders(spec: RequestSpec, contentType: string | undefined, cookie?: string): HeadersLike {
    return {
      accept: spec.parseAs === 'stream' ? 'text/event-stream' : 'application/json',
      'user-agent': this.config.userAgent,
      'content-type': contentType,
      cookie,
    };
  }

  /**
   * The headers of a call that adds none of its own (most calls: no cookie, idempotency key or per-call header, the
   * client's credentials), merged once per kind; each call gets a copy, which its fetch may change.
   */
  private commonHeaders(
    spec: RequestSpec,
    contentType: string | undefined,
    authHeaders: HeadersLike,
  ): Record<string, string> {
    const byType = this.headerSets[spec.parseAs === 'stream' ? 1 : 0];
    let merged = byType.get(contentType);
    if (merged === undefined) {
      // kept as a plain object (mergeHeaders gives one without a prototype): V8 copies those at its fastest
      merged = { ...mergeHeaders(this.baseHeaders(spec, contentType), authHeaders, this.options.defaultHeaders) };
      if (byType.size >= MAX_HEADER_SETS) byType.clear(); // raw bodies take the content type of any Blob
      byType.set(contentType, merged);
    }
    return { ...merged };
  }

  private idempotencyHeaders(method: HTTPMethod, options: RequestOptions): HeadersLike {
    const header = this.config.idempotencyHeader;
    if (!header || (method === 'get' && options.idempotencyKey === undefined)) return undefined;
    return { [header]: options.idempotencyKey ?? `sdk-retry-${crypto.randomUUID()}` };
  }

  private async waitToRetry(retriesTaken: number, delayMs: number | undefined, signal?: AbortSignal): Promise<void> {
    this.logger.info(`retrying in ${Math.round(delayMs ?? 0)} ms (retry ${retriesTaken + 1})`);
    await this.sleep(delayMs ?? 0);
    if (signal?.aborted) throw new APIUserAbortError();
  }

  private redact(url: string): string {
    return redactURL(url, this.secretKeys.query);
  }
}

function envOf(name: string | undefined): string | undefined {
  return name ? readEnv(name) : undefined;
}

/** Each credential option of the schemes (and of `credentialEnv`): the option if given, else its variable. */
function resolveCredentials(options: ClientOptions, config: ClientConfig): Credentials {
  const env = config.credentialEnv ?? {};
  const names = new Set([...Object.keys(env), ...Object.values(config.schemes ?? {}).flatMap((s) => s.credentials)]);
  const given = options as Readonly<Record<string, unknown>>;
  const values: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = given[name];
    values[name] = typeof value === 'string' ? value : envOf(env[name]);
  }
  return { values, env };
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) throw new SDKError(`The ${name} option must be a non-negative number, got ${value}.`);
  return value;
}
