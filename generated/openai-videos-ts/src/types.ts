/** Every schema of the API as a TypeScript type. */

/**
 * Direction to sort results by creation time.
 */
export type SortOrder = 'asc' | 'desc';

/**
 * One page of video jobs plus pagination cursors.
 */
export interface VideoListResponse {
  /**
   * Object kind; always `list`.
   */
  object: 'list';
  /**
   * Video jobs on this page.
   */
  data: Array<Video>;
  /**
   * ID of the first video on the page, or null when the page is empty.
   */
  first_id: string | null;
  /**
   * ID of the last video on the page; pass it as `after` to get the next page.
   */
  last_id: string | null;
  /**
   * True when further pages exist.
   */
  has_more: boolean;
}

/**
 * A video generation job and everything known about its result.
 */
export interface Video {
  /**
   * ID of this video job.
   */
  id: string;
  /**
   * When the job finished, in Unix seconds; null while still running.
   */
  completed_at: number | null;
  /**
   * When the job was submitted, in Unix seconds.
   */
  created_at: number;
  /**
   * Why generation failed; null unless the job failed.
   */
  error: VideoCreateError | null;
  /**
   * When the downloadable media stops being available, in Unix seconds; null if no expiry is set.
   */
  expires_at: number | null;
  /**
   * Sora model used for generation. Known names are listed, but other strings are accepted so new models do not break clients.
   */
  model: VideoModel;
  /**
   * Object kind; always `video`.
   */
  object: 'video';
  /**
   * Rough percentage of the generation work done so far.
   */
  progress: number;
  /**
   * Text prompt the video was generated from, if any.
   */
  prompt: string | null;
  /**
   * ID of the video this one was remixed from; null for non-remixes.
   */
  remixed_from_video_id: string | null;
  /**
   * Clip length in seconds as a string; for extensions it is the total length after stitching.
   */
  seconds: string | VideoSeconds;
  /**
   * Output resolution written as width x height in pixels.
   */
  size: VideoSize;
  /**
   * Where the job is in its lifecycle.
   */
  status: VideoStatus;
}

/**
 * Details of a failed generation.
 */
export interface VideoCreateError {
  /**
   * Stable, machine-oriented identifier for the failure.
   */
  code: string;
  /**
   * Explanation of the failure meant for people.
   */
  message: string;
}

/**
 * Sora model used for generation. Known names are listed, but other strings are accepted so new models do not break clients.
 */
export type VideoModel =
  | (string & {})
  | 'sora-2'
  | 'sora-2-pro'
  | 'sora-2-2025-10-06'
  | 'sora-2-pro-2025-10-06'
  | 'sora-2-2025-12-08';

/**
 * Supported clip lengths in seconds, given as strings.
 */
export type VideoSeconds = '4' | '8' | '12';

/**
 * Output resolution written as width x height in pixels.
 */
export type VideoSize = '720x1280' | '1280x720' | '1024x1792' | '1792x1024';

/**
 * Where the job is in its lifecycle.
 */
export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

/**
 * Points at an existing, completed video.
 */
export interface VideoReferenceParam {
  /**
   * ID of the completed video.
   */
  id: string;
}

/**
 * Acknowledgement returned once a video is deleted.
 */
export interface DeletedVideo {
  /**
   * ID of the video that was deleted.
   */
  id: string;
  /**
   * Object kind; always `video.deleted`.
   */
  object: 'video.deleted';
  /**
   * Whether the deletion took effect.
   */
  deleted: boolean;
}

/**
 * Downloadable asset kind; the full video or a preview image.
 */
export type VideoContentVariant = 'video' | 'thumbnail' | 'spritesheet';

/**
 * Form fields for submitting a new video job.
 */
export interface CreateVideoBody {
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
  input_reference?: string;
}

/**
 * Details of an API error.
 */
export interface Error_ {
  /**
   * Explanation of what went wrong.
   */
  message: string;
  /**
   * Broad category of the error.
   */
  type: string;
  /**
   * Request parameter the error relates to, if any.
   */
  param: string | null;
  /**
   * Specific error code, if any.
   */
  code: string | null;
}

/**
 * Envelope that wraps an API error.
 */
export interface ErrorResponse {
  /**
   * Details of an API error.
   */
  error: Error_;
}

/**
 * Input for continuing a completed video with new footage.
 */
export interface VideoExtendBody {
  /**
   * Points at an existing, completed video.
   */
  video: VideoReference;
  /**
   * Prompt describing what should happen in the added segment.
   */
  prompt: string;
  /**
   * Supported clip lengths in seconds, given as strings.
   */
  seconds: VideoSeconds;
}

/**
 * Points at an existing, completed video.
 */
export interface VideoReference {
  /**
   * ID of the completed video.
   */
  id: string;
}

/**
 * Input for remixing a completed video.
 */
export interface VideoRemixBody {
  /**
   * New prompt describing how the remix should differ.
   */
  prompt: string;
}
