/** The videos resource: 7 operation(s) of the API. */

import {
  type APIPromise,
  APIResource,
  type CursorPage,
  type CursorPageConfig,
  type PagePromise,
  type PollConfig,
  type PollOptions,
  type RequestOptions,
  type Uploadable,
  path,
} from '../core/index.js';
import type {
  DeletedVideo,
  SortOrder,
  Video,
  VideoContentVariant,
  VideoModel,
  VideoReferenceParam,
  VideoSeconds,
  VideoSize,
} from '../types.js';

const LIST_PAGE: CursorPageConfig = {
  items: 'data',
  cursorParam: 'after',
  cursorSource: 'last_item:id',
  hasMore: 'has_more',
};

const POLL: PollConfig = {
  statusField: 'status',
  pending: ['queued', 'in_progress'],
  intervalHeader: 'openai-poll-after-ms',
  defaultIntervalMs: 1000,
};

export class Videos extends APIResource {
  /**
   * List video jobs
   *
   * Returns a cursor-paginated page of the project's recent video jobs.
   */
  list(params: VideoListParams = {}, options?: RequestOptions): PagePromise<CursorPage<Video>, Video> {
    return this._client.getAPIList<Video>('/videos', LIST_PAGE, { query: { ...params } }, options);
  }

  /**
   * Start a video generation job
   *
   * Queues a new video job driven by a text prompt, optionally guided by an uploaded reference image.
   */
  create(params: VideoCreateParams, options?: RequestOptions): APIPromise<Video> {
    return this._client.post('/videos', { body: params, bodyKind: 'multipart' }, options);
  }

  /**
   * Extend a finished video
   *
   * Starts a job that continues a completed video with additional footage described by a new prompt.
   */
  extend(params: VideoExtendParams, options?: RequestOptions): APIPromise<Video> {
    return this._client.post('/videos/extensions', { body: params }, options);
  }

  /**
   * Retrieve a video job
   *
   * Looks up the current state and metadata of a single video job.
   */
  retrieve(videoId: string, options?: RequestOptions): APIPromise<Video> {
    return this._client.get(path`/videos/${videoId}`, {}, options);
  }

  /**
   * Delete a video job
   *
   * Removes a completed or failed video job together with its stored media.
   */
  delete(videoId: string, options?: RequestOptions): APIPromise<DeletedVideo> {
    return this._client.delete(path`/videos/${videoId}`, {}, options);
  }

  /**
   * Download video media
   *
   * Streams the raw bytes of the rendered MP4 or of one of its preview assets, chosen with `variant`.
   */
  downloadContent(
    videoId: string,
    params: VideoDownloadContentParams = {},
    options?: RequestOptions,
  ): APIPromise<Response> {
    return this._client.get(
      path`/videos/${videoId}/content`,
      { query: { ...params }, headers: { accept: 'video/mp4, image/webp' }, parseAs: 'response' },
      options,
    );
  }

  /**
   * Remix a finished video
   *
   * Starts a new job that reworks a completed video according to a revised prompt.
   */
  remix(videoId: string, params: VideoRemixParams, options?: RequestOptions): APIPromise<Video> {
    return this._client.post(path`/videos/${videoId}/remix`, { body: params }, options);
  }

  /**
   * Retrieves it again until its status is no longer pending (queued, in_progress).
   */
  poll(videoId: string, options?: RequestOptions & PollOptions): Promise<Video> {
    return this._client.poll(() => this.retrieve(videoId, options), POLL, options);
  }

  /**
   * Calls create, then poll until the result is ready.
   */
  createAndPoll(params: VideoCreateParams, options?: RequestOptions & PollOptions): Promise<Video> {
    return this.create(params, options).then((created) => this.poll(created.id, options));
  }
}

export interface VideoListParams {
  /**
   * Cursor; return results that come after the video with this ID.
   */
  after?: string;
  /**
   * Maximum number of videos to include in the page.
   */
  limit?: number;
  /**
   * Sort direction by creation time.
   */
  order?: SortOrder;
}

export interface VideoCreateParams {
  /**
   * What the video should show.
   */
  prompt: string;
  /**
   * Sora model used for generation. Known names are listed, but other strings are accepted so new models do not break clients.
   */
  model?: VideoModel;
  /**
   * Supported clip lengths in seconds, given as strings.
   */
  seconds?: VideoSeconds;
  /**
   * Output resolution written as width x height in pixels.
   */
  size?: VideoSize;
  /**
   * Optional image upload that steers the look of the generated video.
   */
  input_reference?: Uploadable;
}

export interface VideoExtendParams {
  /**
   * Points at an existing, completed video.
   */
  video: VideoReferenceParam;
  /**
   * Prompt describing what should happen in the added segment.
   */
  prompt: string;
  /**
   * Supported clip lengths in seconds, given as strings.
   */
  seconds: VideoSeconds;
}

export interface VideoDownloadContentParams {
  /**
   * Which asset to fetch; the MP4 video is returned when omitted.
   */
  variant?: VideoContentVariant;
}

export interface VideoRemixParams {
  /**
   * New prompt describing how the remix should differ.
   */
  prompt: string;
}
