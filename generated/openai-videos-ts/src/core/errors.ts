/** Error classes a call rejects with: one per HTTP status family, plus connection, timeout and abort errors. */

/** Base of every error this SDK throws. */
export class SDKError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An HTTP error response (or, in subclasses, a failure to get one). */
export class APIError extends SDKError {
  /** HTTP status; undefined when no response arrived. */
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  /** The parsed error body (JSON when it parses, else the text). */
  readonly error: unknown;
  /** The server's `x-request-id`, to quote when reporting a problem. */
  readonly requestID: string | null | undefined;
  /**
   * `code`, `type` and `param` of the error object (`body.error`, else the body itself), as text; null when the
   * server sent null, undefined when it sent nothing.
   */
  readonly code: string | null | undefined;
  readonly type: string | null | undefined;
  readonly param: string | null | undefined;

  constructor(status: number | undefined, error: unknown, message: string | undefined, headers: Headers | undefined) {
    super(describe(status, error, message));
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.requestID = headers?.get('x-request-id');
    const details = errorObject(error);
    this.code = detail(details, 'code');
    this.type = detail(details, 'type');
    this.param = detail(details, 'param');
  }

  /** The error class for an HTTP status, built from the response's parsed body and headers. */
  static generate(status: number, error: unknown, headers: Headers): APIError {
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(status, error, undefined, headers);
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

/** No response arrived: DNS, refused connection, reset... */
export class APIConnectionError extends APIError {
  constructor(options: { message?: string | undefined; cause?: unknown } = {}) {
    super(undefined, undefined, options.message ?? 'Connection error.', undefined);
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(options: { message?: string | undefined } = {}) {
    super({ message: options.message ?? 'Request timed out.' });
  }
}

/** The caller's AbortSignal fired. */
export class APIUserAbortError extends APIError {
  constructor(options: { message?: string | undefined } = {}) {
    super(undefined, undefined, options.message ?? 'Request was aborted.', undefined);
  }
}

const STATUS_CLASSES: ReadonlyMap<number, typeof APIError> = new Map([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

function errorClassFor(status: number): typeof APIError {
  if (status >= 500) return InternalServerError;
  return STATUS_CLASSES.get(status) ?? APIError;
}

// The message names the status and the server's own message only: never the URL, headers or credentials.
function describe(status: number | undefined, error: unknown, message: string | undefined): string {
  const detail = serverMessage(error) ?? message;
  if (status !== undefined && detail) return `${status} ${detail}`;
  if (status !== undefined) return `${status} status code (no body)`;
  return detail ?? '(no status code or body)';
}

function errorObject(error: unknown): Record<string, unknown> | undefined {
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
  const nested = (error as Record<string, unknown>)['error'];
  return typeof nested === 'object' && nested !== null && !Array.isArray(nested)
    ? (nested as Record<string, unknown>)
    : (error as Record<string, unknown>);
}

function detail(details: Record<string, unknown> | undefined, key: string): string | null | undefined {
  const value = details?.[key];
  if (value === undefined || value === null) return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function serverMessage(error: unknown): string | undefined {
  if (error === undefined || error === null || error === '') return undefined;
  if (typeof error === 'string') return error;
  if (typeof error !== 'object') return String(error);
  const record = error as Record<string, unknown>;
  const nested = record['error'];
  if (typeof nested === 'object' && nested !== null) return serverMessage(nested);
  for (const key of ['message', 'detail', 'error']) {
    const value = record[key];
    if (typeof value === 'string' && value) return value;
  }
  return JSON.stringify(error);
}
