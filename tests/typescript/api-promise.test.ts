import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { APIPromise } from '../../generator/targets/typescript/runtime/index.js';
import { json, makeClient } from './helpers.js';

describe('APIPromise', () => {
  it('resolves to the parsed body', async () => {
    const { client } = makeClient([json({ id: 'video_123' })]);
    const promise = client.get<{ id: string }>('/videos/video_123');
    assert.ok(promise instanceof APIPromise);
    assert.ok(promise instanceof Promise);
    const video = await promise;
    assert.equal(video.id, 'video_123');
  });

  it('asResponse gives the raw Response with its body unread', async () => {
    const { client } = makeClient([json({ id: 'v' }, 200, { 'x-request-id': 'req_1' })]);
    const response = await client.get('/x').asResponse();
    assert.ok(response instanceof Response);
    assert.equal(response.bodyUsed, false);
    assert.equal(response.headers.get('x-request-id'), 'req_1');
    assert.deepEqual(await response.json(), { id: 'v' });
  });

  it('withResponse gives data and response', async () => {
    const { client } = makeClient([json({ id: 'v' }, 201)]);
    const { data, response } = await client.post<{ id: string }>('/x', { body: {} }).withResponse();
    assert.deepEqual(data, { id: 'v' });
    assert.equal(response.status, 201);
  });

  it('supports then/catch/finally chaining and parses once', async () => {
    const { client } = makeClient([json({ n: 1 }), json({}, 404)]);
    const promise = client.get<{ n: number }>('/x');
    assert.equal(await promise.then((value) => value.n + 1), 2);
    assert.deepEqual(await promise, { n: 1 });
    let finished = false;
    const caught = await client
      .get('/y')
      .finally(() => {
        finished = true;
      })
      .catch((error: unknown) => (error as Error).name);
    assert.equal(caught, 'NotFoundError');
    assert.equal(finished, true);
  });

  it('returns text for non-JSON bodies and undefined for 204 or an empty body', async () => {
    const { client } = makeClient([
      new Response('hello', { headers: { 'content-type': 'text/plain' } }),
      new Response(null, { status: 204 }),
      new Response('', { status: 200 }),
    ]);
    assert.equal(await client.get('/text'), 'hello');
    assert.equal(await client.delete('/x'), undefined);
    assert.equal(await client.put('/void'), undefined); // an operation without response content: not ''
  });

  it('returns the raw Response for downloads, its body streamable', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const { client } = makeClient([new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } })]);
    const response = await client.get<Response>('/files/f/content', { parseAs: 'response' });
    assert.ok(response.body);
    const chunks: number[] = [];
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(...read.value);
    assert.deepEqual(chunks, [1, 2, 3, 4]);
  });
});
