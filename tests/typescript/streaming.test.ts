import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { APIError, iterSSE, type ServerSentEvent, Stream } from '../../generator/targets/typescript/runtime/index.js';
import { chunkedBody, makeClient } from './helpers.js';

async function events(chunks: string[]): Promise<ServerSentEvent[]> {
  const collected: ServerSentEvent[] = [];
  for await (const event of iterSSE(chunkedBody(chunks))) collected.push(event);
  return collected;
}

function sseResponse(chunks: string[]): Response {
  return new Response(chunkedBody(chunks), { headers: { 'content-type': 'text/event-stream' } });
}

describe('SSE decoding', () => {
  it('joins data lines and reads event, id and retry fields', async () => {
    const decoded = await events(['event: delta\nid: 7\nretry: 100\ndata: {"a":\ndata: 1}\n\n']);
    assert.deepEqual(decoded, [{ event: 'delta', id: '7', retry: 100, data: '{"a":\n1}' }]);
  });

  it('handles CRLF, CR, comments and chunk boundaries inside lines and characters', async () => {
    const euro = new TextEncoder().encode('€');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        for (const part of [': keep-alive\r', '\ndata: x', '1\r\n\r', '\ndata: '])
          controller.enqueue(encoder.encode(part));
        controller.enqueue(euro.slice(0, 1));
        controller.enqueue(euro.slice(1));
        controller.enqueue(encoder.encode('\r\rdata:no-space\n\n'));
        controller.close();
      },
    });
    const decoded: string[] = [];
    for await (const event of iterSSE(body)) decoded.push(event.data);
    assert.deepEqual(decoded, ['x1', '€', 'no-space']);
  });

  it('does not read a CRLF split across chunks as two line ends', async () => {
    const decoded = await events(['data: a\r', '\ndata: b\r\n\r\n']);
    assert.deepEqual(
      decoded.map((event) => event.data),
      ['a\nb'],
    );
  });

  it('emits a final event that lacks its blank line', async () => {
    assert.deepEqual(
      (await events(['data: last'])).map((event) => event.data),
      ['last'],
    );
  });
});

describe('Stream', () => {
  it('parses JSON events until [DONE]', async () => {
    const response = sseResponse(['data: {"n":1}\n\n', 'data: {"n":2}\n\ndata: [DONE]\n\n', 'data: {"n":3}\n\n']);
    const stream = Stream.fromSSEResponse<{ n: number }>(response, new AbortController());
    const seen: number[] = [];
    for await (const chunk of stream) seen.push(chunk.n);
    assert.deepEqual(seen, [1, 2]);
  });

  it('comes from a client call with parseAs stream and asks for event-stream', async () => {
    const { client, calls } = makeClient([sseResponse(['data: {"n":1}\n\n'])]);
    const stream = await client.post<Stream<{ n: number }>>('/chat', { body: { stream: true }, parseAs: 'stream' });
    assert.ok(stream instanceof Stream);
    const seen: number[] = [];
    for await (const chunk of stream) seen.push(chunk.n);
    assert.deepEqual(seen, [1]);
    assert.equal(calls[0]?.headers.get('accept'), 'text/event-stream');
  });

  it('takes a per-call event parser that keeps the event name', async () => {
    const { client } = makeClient([sseResponse(['event: start\ndata: {"n":1}\n\n', 'event: stop\ndata: {}\n\n'])]);
    const stream = await client.post<Stream<string>>('/messages', {
      body: {},
      parseAs: 'stream',
      parseEvent: (event) => `${event.event}:${event.data}`,
    });
    const seen: string[] = [];
    for await (const item of stream) seen.push(item);
    assert.deepEqual(seen, ['start:{"n":1}', 'stop:{}']);
  });

  it('throws an APIError on an error event', async () => {
    const response = sseResponse(['data: {"n":1}\n\n', 'event: error\ndata: {"error":{"message":"overloaded"}}\n\n']);
    const stream = Stream.fromSSEResponse<{ n: number }>(response, new AbortController());
    await assert.rejects(
      (async () => {
        for await (const _ of stream) void _;
      })(),
      (error: unknown) => error instanceof APIError && error.message === 'overloaded',
    );
  });

  it('stops quietly when aborted and aborts when the loop is left early', async () => {
    const controller = new AbortController();
    const response = sseResponse(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: {"n":3}\n\n']);
    const stream = Stream.fromSSEResponse<{ n: number }>(response, controller);
    const seen: number[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.n);
      break;
    }
    assert.deepEqual(seen, [1]);
    assert.equal(controller.signal.aborted, true);
    assert.throws(() => stream[Symbol.asyncIterator](), /only once/);
  });

  it('ends the iteration without error when the controller aborts mid-stream', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('data: {"n":1}\n\n'));
        controller.signal.addEventListener('abort', () => stream.error(new DOMException('aborted', 'AbortError')));
      },
    });
    const stream = Stream.fromSSEResponse<{ n: number }>(new Response(body), controller);
    const seen: number[] = [];
    for await (const chunk of stream) {
      seen.push(chunk.n);
      controller.abort();
    }
    assert.deepEqual(seen, [1]);
  });
});
