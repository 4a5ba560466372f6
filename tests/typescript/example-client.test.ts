/** The shape a generated SDK takes on this runtime: a client subclass, resources, `path`, pages and polling. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  type APIPromise,
  APIResource,
  BaseClient,
  type ClientOptions,
  type CursorPage,
  type CursorPageConfig,
  NotFoundError,
  type PagePromise,
  path,
  type RequestOptions,
  toFile,
  type Uploadable,
} from '../../generator/targets/typescript/runtime/index.js';
import { json, scriptedFetch } from './helpers.js';

interface Video {
  id: string;
  status: 'queued' | 'in_progress' | 'completed' | 'failed';
  prompt?: string;
}

interface VideoRemixParams {
  prompt: string;
}

interface VideoListParams {
  limit?: number;
  after?: string;
}

const VIDEO_PAGE: CursorPageConfig = {
  items: 'data',
  cursorParam: 'after',
  cursorSource: 'last_item:id',
  hasMore: 'has_more',
};

class Videos extends APIResource<Example> {
  remix(videoID: string, body: VideoRemixParams, options?: RequestOptions): APIPromise<Video> {
    return this._client.post(path`/videos/${videoID}/remix`, { body }, options);
  }

  retrieve(videoID: string, options?: RequestOptions): APIPromise<Video> {
    return this._client.get(path`/videos/${videoID}`, {}, options);
  }

  list(query: VideoListParams = {}, options?: RequestOptions): PagePromise<CursorPage<Video>, Video> {
    return this._client.getAPIList<Video>('/videos', VIDEO_PAGE, { query: { ...query } }, options);
  }

  upload(file: Uploadable, options?: RequestOptions): APIPromise<Video> {
    return this._client.post('/videos', { body: { input_reference: file }, bodyKind: 'multipart' }, options);
  }

  createAndPoll(body: VideoRemixParams, options?: RequestOptions): Promise<Video> {
    return this._client.post<Video>('/videos', { body }, options).then((video) =>
      this._client.poll(() => this.retrieve(video.id, options), {
        statusField: 'status',
        pending: ['queued', 'in_progress'],
        intervalHeader: 'openai-poll-after-ms',
      }),
    );
  }
}

class Example extends BaseClient {
  readonly videos: Videos = new Videos(this);

  constructor(options: ClientOptions = {}) {
    super(options, {
      defaultBaseURL: 'https://api.example.test/v1',
      credentialEnv: { apiKey: 'EXAMPLE_API_KEY' },
      schemes: { bearer: { kind: 'bearer', credentials: ['apiKey'] } },
      security: [['bearer']],
      checkAtInit: true,
      idempotencyHeader: 'Idempotency-Key',
    });
  }
}

function example(replies: Response[]) {
  const { fetch, calls } = scriptedFetch(replies);
  const client = new Example({ apiKey: 'sk-x', fetch, sleep: async () => undefined, logLevel: 'off' });
  return { client, calls };
}

describe('a generated-style client', () => {
  it("client.videos.remix('video_123', { prompt }) posts and resolves to the Video", async () => {
    const { client, calls } = example([json({ id: 'video_456', status: 'queued' })]);
    const video: Video = await client.videos.remix('video_123', { prompt: 'more cats' });
    assert.equal(video.id, 'video_456');
    assert.equal(calls[0]?.url, 'https://api.example.test/v1/videos/video_123/remix');
    assert.equal(calls[0]?.body, '{"prompt":"more cats"}');
  });

  it('lists every video across pages and throws typed errors', async () => {
    const { client } = example([
      json({ data: [{ id: 'a', status: 'completed' }], has_more: true }),
      json({ data: [{ id: 'b', status: 'failed' }], has_more: false }),
      json({ error: { message: 'no such video' } }, 404),
    ]);
    const ids: string[] = [];
    for await (const video of client.videos.list({ limit: 1 })) ids.push(video.id);
    assert.deepEqual(ids, ['a', 'b']);
    await assert.rejects(client.videos.retrieve('missing'), NotFoundError);
  });

  it('withOptions gives a client of the same class, its resources bound to the copy', async () => {
    const { client, calls } = example([json({ id: 'v', status: 'queued' })]);
    const copy = client.withOptions({ apiKey: 'sk-y', maxRetries: 0 });
    assert.ok(copy instanceof Example);
    await copy.videos.retrieve('v');
    assert.equal(calls[0]?.headers.get('authorization'), 'Bearer sk-y');
    assert.equal(client.apiKey, 'sk-x');
  });

  it('uploads a file and polls until done', async () => {
    const { client, calls } = example([
      json({ id: 'v1', status: 'queued' }),
      json({ id: 'v1', status: 'queued' }),
      json({ id: 'v2', status: 'in_progress' }),
      json({ id: 'v2', status: 'completed' }),
    ]);
    await client.videos.upload(await toFile(new Uint8Array([1]), 'ref.png', { type: 'image/png' }));
    const done = await client.videos.createAndPoll({ prompt: 'p' });
    assert.equal(done.status, 'completed');
    assert.equal(calls.length, 4);
    assert.ok(calls[0]?.body instanceof FormData);
  });
});
