import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from '../../generator/targets/typescript/runtime/index.js';
import { json, makeClient, trackedBody } from './helpers.js';

const ok = () => json({ id: 'video_123' });

describe('retries', () => {
  it('retries 5xx with exponential backoff, then succeeds', async () => {
    const { client, calls, sleeps } = makeClient([json({}, 500), json({}, 503), ok()]);
    assert.deepEqual(await client.get('/videos/1'), { id: 'video_123' });
    assert.equal(calls.length, 3);
    assert.deepEqual(sleeps, [500, 1000]);
  });

  it('applies up to 25% jitter and caps the backoff at 8 s', async () => {
    const replies = Array.from({ length: 7 }, () => json({}, 500));
    const { client, sleeps } = makeClient([...replies, ok()], { maxRetries: 7, random: () => 1 });
    await client.get('/x');
    assert.deepEqual(sleeps, [375, 750, 1500, 3000, 6000, 6000, 6000]);
  });

  for (const status of [408, 409, 429, 500, 502]) {
    it(`retries status ${status}`, async () => {
      const { client, calls } = makeClient([json({}, status), ok()]);
      await client.get('/x');
      assert.equal(calls.length, 2);
    });
  }

  for (const status of [400, 401, 403, 404, 422]) {
    it(`does not retry status ${status}`, async () => {
      const { client, calls } = makeClient([json({}, status), ok()]);
      await assert.rejects(client.get('/x'));
      assert.equal(calls.length, 1);
    });
  }

  it('gives up after maxRetries and throws the last status error', async () => {
    const { client, calls } = makeClient([json({}, 500), json({}, 500), json({}, 500), ok()]);
    await assert.rejects(client.get('/x'), InternalServerError);
    assert.equal(calls.length, 3);
  });

  it('honours a per-call maxRetries', async () => {
    const { client, calls } = makeClient([json({}, 500), ok()]);
    await assert.rejects(client.get('/x', {}, { maxRetries: 0 }), InternalServerError);
    assert.equal(calls.length, 1);
  });

  it('retries connection errors and then throws APIConnectionError', async () => {
    const failure = new TypeError('fetch failed');
    const { client, calls } = makeClient([failure, failure, failure]);
    const error = await client.get('/x').catch((caught: unknown) => caught);
    assert.ok(error instanceof APIConnectionError);
    assert.equal(error.cause, failure);
    assert.equal(calls.length, 3);
  });

  it('lets x-should-retry: false stop a retry of a 5xx', async () => {
    const { client, calls } = makeClient([json({}, 500, { 'x-should-retry': 'false' }), ok()]);
    await assert.rejects(client.get('/x'), InternalServerError);
    assert.equal(calls.length, 1);
  });

  it('lets x-should-retry: true retry a 400', async () => {
    const { client, calls } = makeClient([json({}, 400, { 'x-should-retry': 'true' }), ok()]);
    await client.get('/x');
    assert.equal(calls.length, 2);
  });
});

describe('Retry-After', () => {
  it('waits the seconds of retry-after', async () => {
    const { client, sleeps } = makeClient([json({}, 429, { 'retry-after': '3' }), ok()]);
    await client.get('/x');
    assert.deepEqual(sleeps, [3000]);
  });

  it('prefers retry-after-ms', async () => {
    const { client, sleeps } = makeClient([json({}, 429, { 'retry-after-ms': '150', 'retry-after': '3' }), ok()]);
    await client.get('/x');
    assert.deepEqual(sleeps, [150]);
  });

  it('reads an HTTP date', async () => {
    const date = new Date(Date.now() + 10_000).toUTCString();
    const { client, sleeps } = makeClient([json({}, 503, { 'retry-after': date }), ok()]);
    await client.get('/x');
    const [slept] = sleeps;
    assert.ok(slept !== undefined && slept > 8_000 && slept <= 10_000, `slept ${slept}`);
  });

  it('does not retry when the server asks for more than maxRetryAfter', async () => {
    const { client, calls } = makeClient([json({}, 429, { 'retry-after': '120' }), ok()]);
    await assert.rejects(client.get('/x'), RateLimitError);
    assert.equal(calls.length, 1);
  });

  it('takes maxRetryAfter from the client options', async () => {
    const { client, sleeps } = makeClient([json({}, 429, { 'retry-after': '120' }), ok()], { maxRetryAfter: 200_000 });
    await client.get('/x');
    assert.deepEqual(sleeps, [120_000]);
  });

  it('falls back to backoff for an unparsable or zero value', async () => {
    const { client, sleeps } = makeClient([
      json({}, 429, { 'retry-after': 'soon' }),
      json({}, 429, { 'retry-after': '0' }),
      ok(),
    ]);
    await client.get('/x');
    assert.deepEqual(sleeps, [500, 1000]);
  });
});

describe('idempotency and bodies', () => {
  it('sends one idempotency key, reused by every attempt of a call', async () => {
    const { client, calls } = makeClient([json({}, 500), json({}, 500), ok(), ok()]);
    await client.post('/videos', { body: { prompt: 'a' } });
    await client.post('/videos', { body: { prompt: 'b' } });
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    assert.ok(keys[0]);
    assert.equal(keys[1], keys[0]);
    assert.equal(keys[2], keys[0]);
    assert.notEqual(keys[3], keys[0]);
  });

  it("sends no idempotency key on GET, and the caller's key when given", async () => {
    const { client, calls } = makeClient([ok(), ok()]);
    await client.get('/x');
    await client.post('/x', {}, { idempotencyKey: 'mine' });
    assert.equal(calls[0]?.headers.get('idempotency-key'), null);
    assert.equal(calls[1]?.headers.get('idempotency-key'), 'mine');
  });

  it('cancels the body of a retried response', async () => {
    const tracked = trackedBody('busy');
    const { client } = makeClient([new Response(tracked.body, { status: 503 }), ok()]);
    await client.get('/x');
    assert.equal(tracked.cancelled(), true);
  });

  it('reads the body of a final error response', async () => {
    const tracked = trackedBody('{"error":{"message":"nope"}}');
    const response = new Response(tracked.body, { status: 400, headers: { 'content-type': 'application/json' } });
    const { client } = makeClient([response]);
    await assert.rejects(client.get('/x'), /400 nope/);
    assert.equal(response.bodyUsed, true);
  });
});

describe('timeouts and aborts', () => {
  const hang = () => (call: { signal: AbortSignal | null | undefined }) =>
    new Promise<Response>((_, reject) => {
      call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });

  it('aborts a slow attempt after the timeout, retries, then throws APIConnectionTimeoutError', async () => {
    const { client, calls } = makeClient([hang(), hang()], { timeout: 20, maxRetries: 1 });
    await assert.rejects(client.get('/x'), APIConnectionTimeoutError);
    assert.equal(calls.length, 2);
  });

  it('takes a per-call timeout', async () => {
    const { client } = makeClient([hang()], { maxRetries: 0 });
    await assert.rejects(client.get('/x', {}, { timeout: 10 }), APIConnectionTimeoutError);
  });

  it('throws APIUserAbortError without retrying when the caller aborts', async () => {
    const controller = new AbortController();
    const { client, calls } = makeClient([hang(), ok()]);
    const pending = client.get('/x', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(pending, APIUserAbortError);
    assert.equal(calls.length, 1);
  });

  it('does not send at all with an already aborted signal', async () => {
    const { client, calls } = makeClient([ok()]);
    await assert.rejects(client.get('/x', {}, { signal: AbortSignal.abort() }), APIUserAbortError);
    assert.equal(calls.length, 0);
  });
});
