/** Every videos method called on an injected fetch: request method, path and parsed response. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  OpenAIVideos,
  type VideoCreateParams,
  type VideoDownloadContentParams,
  type VideoExtendParams,
  type VideoListParams,
  type VideoRemixParams,
} from '../src/index.js';
import { cannedFetch, exampleFile } from './helpers.js';

const RESPONSES = {
  list: '{"data":[{"completed_at":1,"created_at":1,"error":{"code":"string","message":"string"},"expires_at":1,"id":"string","model":"sora-2","object":"video","progress":1,"prompt":"string","remixed_from_video_id":"string","seconds":"4","size":"720x1280","status":"queued"}],"first_id":"string","has_more":true,"last_id":"string","object":"list"}',
  create:
    '{"completed_at":1,"created_at":1,"error":{"code":"string","message":"string"},"expires_at":1,"id":"string","model":"sora-2","object":"video","progress":1,"prompt":"string","remixed_from_video_id":"string","seconds":"4","size":"720x1280","status":"queued"}',
  extend:
    '{"completed_at":1,"created_at":1,"error":{"code":"string","message":"string"},"expires_at":1,"id":"string","model":"sora-2","object":"video","progress":1,"prompt":"string","remixed_from_video_id":"string","seconds":"4","size":"720x1280","status":"queued"}',
  retrieve:
    '{"completed_at":1712698000,"created_at":1712697600,"error":null,"expires_at":1712784400,"id":"video_123","model":"sora-2","object":"video","progress":100,"prompt":"A calico cat playing a piano on stage","remixed_from_video_id":null,"seconds":"8","size":"720x1280","status":"completed"}',
  delete: '{"deleted":true,"id":"string","object":"video.deleted"}',
  downloadContent: 'binary content',
  remix:
    '{"completed_at":null,"created_at":1712698600,"error":null,"expires_at":null,"id":"video_456","model":"sora-2","object":"video","progress":0,"prompt":"Extend the scene with the cat taking a bow to the cheering audience","remixed_from_video_id":"video_123","seconds":"8","size":"720x1280","status":"queued"}',
};

function setup(body: string, contentType: string, status = 200) {
  const { fetch, requests } = cannedFetch(body, contentType, status);
  const client = new OpenAIVideos({
    apiKey: 'test-key',
    baseURL: 'https://sdk.test/base',
    fetch,
    maxRetries: 0,
    logLevel: 'off',
  });
  return { client, requests };
}

describe('videos', () => {
  it('list: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.list, 'application/json');
    const result = await client.videos.list();
    assert.equal(requests[0]?.method, 'GET');
    assert.equal(requests[0]?.url.pathname, '/base/videos');
    assert.deepEqual(result.body, JSON.parse(RESPONSES.list));
  });

  it('list: all arguments', async () => {
    const { client, requests } = setup(RESPONSES.list, 'application/json');
    const params: VideoListParams = { after: 'video_123', limit: 20, order: 'desc' };
    const result = await client.videos.list(params);
    assert.equal(requests[0]?.method, 'GET');
    assert.equal(requests[0]?.url.pathname, '/base/videos');
    assert.deepEqual(result.body, JSON.parse(RESPONSES.list));
  });

  it('create: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.create, 'application/json');
    const params: VideoCreateParams = { prompt: 'A calico cat playing a piano on stage' };
    const result = await client.videos.create(params);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.pathname, '/base/videos');
    assert.deepEqual(result, JSON.parse(RESPONSES.create));
  });

  it('create: all arguments', async () => {
    const { client, requests } = setup(RESPONSES.create, 'application/json');
    const params: VideoCreateParams = {
      prompt: 'A calico cat playing a piano on stage',
      model: 'sora-2',
      seconds: '4',
      size: '720x1280',
      input_reference: exampleFile('example.png', 'example file content', 'image/png'),
    };
    const result = await client.videos.create(params);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.pathname, '/base/videos');
    assert.deepEqual(result, JSON.parse(RESPONSES.create));
  });

  it('extend: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.extend, 'application/json');
    const params: VideoExtendParams = {
      video: { id: 'video_123' },
      prompt: 'Extend the scene with the cat taking a bow',
      seconds: '4',
    };
    const result = await client.videos.extend(params);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.pathname, '/base/videos/extensions');
    assert.deepEqual(result, JSON.parse(RESPONSES.extend));
  });

  it('retrieve: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.retrieve, 'application/json');
    const result = await client.videos.retrieve('video_123');
    assert.equal(requests[0]?.method, 'GET');
    assert.equal(requests[0]?.url.pathname, '/base/videos/video_123');
    assert.deepEqual(result, JSON.parse(RESPONSES.retrieve));
  });

  it('delete: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.delete, 'application/json');
    const result = await client.videos.delete('video_123');
    assert.equal(requests[0]?.method, 'DELETE');
    assert.equal(requests[0]?.url.pathname, '/base/videos/video_123');
    assert.deepEqual(result, JSON.parse(RESPONSES.delete));
  });

  it('downloadContent: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.downloadContent, 'video/mp4');
    const result = await client.videos.downloadContent('video_123');
    assert.equal(requests[0]?.method, 'GET');
    assert.equal(requests[0]?.url.pathname, '/base/videos/video_123/content');
    assert.equal(await result.text(), 'binary content');
  });

  it('downloadContent: all arguments', async () => {
    const { client, requests } = setup(RESPONSES.downloadContent, 'video/mp4');
    const params: VideoDownloadContentParams = { variant: 'video' };
    const result = await client.videos.downloadContent('video_123', params);
    assert.equal(requests[0]?.method, 'GET');
    assert.equal(requests[0]?.url.pathname, '/base/videos/video_123/content');
    assert.equal(await result.text(), 'binary content');
  });

  it('remix: required arguments', async () => {
    const { client, requests } = setup(RESPONSES.remix, 'application/json');
    const params: VideoRemixParams = { prompt: 'Extend the scene with the cat taking a bow to the cheering audience' };
    const result = await client.videos.remix('video_123', params);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.pathname, '/base/videos/video_123/remix');
    assert.deepEqual(result, JSON.parse(RESPONSES.remix));
  });
});
