/** Test helpers: a scripted fetch that records every call, and a client wired to it that never really waits. */

import {
  BaseClient,
  type ClientConfig,
  type ClientOptions,
  type Fetch,
} from '../../generator/targets/typescript/runtime/index.js';

export const API_KEY = 'sk-test-secret-123';

export const CONFIG: ClientConfig = {
  defaultBaseURL: 'https://api.example.test/v1',
  credentialEnv: { apiKey: 'EXAMPLE_API_KEY' },
  baseURLEnv: 'EXAMPLE_BASE_URL',
  schemes: { bearer: { kind: 'bearer', credentials: ['apiKey'] } },
  security: [['bearer']],
  checkAtInit: true,
  idempotencyHeader: 'Idempotency-Key',
  userAgent: 'example-sdk/1.0',
};

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
  signal: AbortSignal | null | undefined;
}

/** One reply per call, in order: a Response, an Error to throw, or a function of the call. */
export type Reply = Response | Error | ((call: RecordedCall) => Response | Promise<Response>);

export function scriptedFetch(replies: Reply[]): { fetch: Fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: Fetch = async (url, init) => {
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
      signal: init.signal,
    };
    calls.push(call);
    const reply = replies[calls.length - 1];
    if (reply === undefined) throw new Error(`unexpected call ${calls.length}: ${url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(call) : reply;
  };
  return { fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A client on the scripted fetch; `sleeps` records every wait instead of waiting. */
export function makeClient(replies: Reply[], options: ClientOptions = {}, config: ClientConfig = CONFIG) {
  const { fetch, calls } = scriptedFetch(replies);
  const sleeps: number[] = [];
  const client = new BaseClient(
    {
      apiKey: API_KEY,
      fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0,
      logLevel: 'off',
      ...options,
    },
    config,
  );
  return { client, calls, sleeps };
}

/** A body stream that reports whether it was cancelled. */
export function trackedBody(text: string): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    // one chunk, then the end: a reader drains it without cancelling, so only a cancel sets the flag
    pull(controller) {
      if (pulls++ === 0) controller.enqueue(new TextEncoder().encode(text));
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

/** A byte stream of the given chunks, as a server would send them. */
export function chunkedBody(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}
