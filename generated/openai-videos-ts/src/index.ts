/** The package's public surface: the client, its resources and types, the runtime's errors and helpers. */

export { OpenAIVideos, OpenAIVideos as default } from './client.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIPromise,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  CursorPage,
  InternalServerError,
  NotFoundError,
  PagePromise,
  PermissionDeniedError,
  RateLimitError,
  SDKError,
  Stream,
  UnprocessableEntityError,
  toFile,
  type ClientOptions,
  type PollOptions,
  type RequestOptions,
  type Uploadable,
} from './core/index.js';
export {
  Videos,
  type VideoListParams,
  type VideoCreateParams,
  type VideoExtendParams,
  type VideoDownloadContentParams,
  type VideoRemixParams,
} from './resources/videos.js';
export type * from './types.js';
