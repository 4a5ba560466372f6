/** Every method called with its required arguments against a Prism mock server of the spec. */

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { OpenAIVideos, type VideoCreateParams, type VideoExtendParams, type VideoRemixParams } from '../src/index.js';
import { type MockServer, startPrism } from './prism.js';

let server: MockServer | undefined;

function client(): OpenAIVideos {
  assert.ok(server);
  return new OpenAIVideos({
    apiKey: 'test-key',
    baseURL: server.url,
    fetch: server.fetch,
    maxRetries: 0,
    logLevel: 'off',
  });
}

describe('against Prism', () => {
  before(async () => {
    server = await startPrism();
  });
  beforeEach(async () => {
    await server?.running();
  });
  after(async () => {
    await server?.stop();
  });

  it('videos.list', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const result = await client().videos.list();
    assert.ok(Array.isArray(result.items));
  });

  it('videos.create', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const params: VideoCreateParams = { prompt: 'A calico cat playing a piano on stage' };
    const result = await client().videos.create(params);
    assert.notEqual(result, undefined);
  });

  it('videos.extend', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const params: VideoExtendParams = {
      video: { id: 'video_123' },
      prompt: 'Extend the scene with the cat taking a bow',
      seconds: '4',
    };
    const result = await client().videos.extend(params);
    assert.notEqual(result, undefined);
  });

  it('videos.retrieve', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const result = await client().videos.retrieve('video_123');
    assert.notEqual(result, undefined);
  });

  it('videos.delete', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const result = await client().videos.delete('video_123');
    assert.notEqual(result, undefined);
  });

  it('videos.downloadContent', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const result = await client().videos.downloadContent('video_123');
    assert.ok((await result.arrayBuffer()).byteLength >= 0);
  });

  it('videos.remix', async (t) => {
    if (!server) return t.skip('Prism is not installed');
    const params: VideoRemixParams = { prompt: 'Extend the scene with the cat taking a bow to the cheering audience' };
    const result = await client().videos.remix('video_123', params);
    assert.notEqual(result, undefined);
  });
});
