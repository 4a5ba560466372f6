/** The OpenAIVideos client: its configuration and one property per resource. */

import { BaseClient, type ClientOptions } from './core/index.js';
import { Videos } from './resources/videos.js';

/**
 * OpenAI Videos API
 *
 * Endpoints for starting Sora video generation jobs, checking on them, downloading the rendered media, and deriving remixes or extensions from finished videos.
 */
export class OpenAIVideos extends BaseClient {
  readonly videos: Videos = new Videos(this);

  constructor(options: ClientOptions = {}) {
    super(options, {
      defaultBaseURL: 'https://api.openai.com/v1',
      credentialEnv: { apiKey: 'OPENAI_API_KEY' },
      baseURLEnv: 'OPENAI_BASE_URL',
      logLevelEnv: 'OPENAI_VIDEOS_LOG',
      schemes: { apiKeyAuth: { kind: 'bearer', credentials: ['apiKey'] } },
      security: [['apiKeyAuth']],
      checkAtInit: true,
      userAgent: 'openai-videos/0.1.0',
    });
  }
}
