import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import {
  BaseClient,
  type HTTPMethod,
  path,
  SDKError,
  stringifyQuery,
} from '../../generator/targets/typescript/runtime/index.js';
import { API_KEY, CONFIG, json, makeClient, scriptedFetch } from './helpers.js';

describe('client configuration', () => {
  afterEach(() => {
    delete process.env['EXAMPLE_API_KEY'];
    delete process.env['EXAMPLE_BASE_URL'];
  });

  it('fails clearly when the API key is missing, naming the environment variable', () => {
    assert.throws(
      () => new BaseClient({}, CONFIG),
      (error: unknown) => {
        assert.ok(error instanceof SDKError);
        assert.match(error.message, /needs credentials: pass apiKey to the client \(or set EXAMPLE_API_KEY/);
        return true;
      },
    );
  });

  it('reads the key and base URL from the environment', async () => {
    process.env['EXAMPLE_API_KEY'] = 'sk-env';
    process.env['EXAMPLE_BASE_URL'] = 'http://localhost:4010/';
    const { fetch, calls } = scriptedFetch([json({})]);
    const client = new BaseClient({ fetch, logLevel: 'off' }, CONFIG);
    await client.get('/models');
    assert.equal(calls[0]?.url, 'http://localhost:4010/models');
    assert.equal(calls[0]?.headers.get('authorization'), 'Bearer sk-env');
  });

  it('needs no key for an API without auth', () => {
    const client = new BaseClient({}, { defaultBaseURL: 'https://x.test' });
    assert.equal(client.apiKey, undefined);
  });

  it('rejects negative numbers', () => {
    assert.throws(() => new BaseClient({ apiKey: 'k', maxRetries: -1 }, CONFIG), /maxRetries/);
  });

  it('sends the key as a query parameter when the scheme says so', async () => {
    const config = {
      ...CONFIG,
      schemes: { bearer: { kind: 'apiKey', in: 'query', name: 'api_key', credentials: ['apiKey'] } },
    } as const;
    const { client, calls } = makeClient([json({})], {}, config);
    await client.get('/x');
    assert.equal(new URL(calls[0]?.url ?? '').searchParams.get('api_key'), API_KEY);
    assert.equal(calls[0]?.headers.get('authorization'), null);
  });
});

describe('request building', () => {
  it('joins base URL and path, encodes query arrays and objects', async () => {
    const { client, calls } = makeClient([json({})], { baseURL: 'https://h.test/v1/', defaultQuery: { v: '2' } });
    await client.get('/videos', { query: { ids: ['a', 'b'], filter: { status: 'done' }, after: undefined, n: 2 } });
    assert.equal(calls[0]?.url, 'https://h.test/v1/videos?v=2&ids=a&ids=b&filter%5Bstatus%5D=done&n=2');
  });

  it('offers comma and brackets array formats', () => {
    assert.equal(stringifyQuery({ a: [1, 2] }, 'comma'), 'a=1%2C2');
    assert.equal(stringifyQuery({ a: [1, 2] }, 'brackets'), 'a%5B%5D=1&a%5B%5D=2');
  });

  it('sends no body with GET (fetch refuses one; a Swagger 2.0 spec may declare it)', async () => {
    const { client, calls } = makeClient([json({})]);
    await client.get('/questions/page', { body: { page: 1 } });
    assert.equal(calls[0]?.body ?? null, null);
    assert.equal(calls[0]?.headers.get('content-type'), null);
  });

  it("merges per-call query over the spec's", async () => {
    const { client, calls } = makeClient([json({})]);
    await client.get('/x', { query: { limit: 1 } }, { query: { limit: 5, extra: true } });
    assert.equal(calls[0]?.url, 'https://api.example.test/v1/x?limit=5&extra=true');
  });

  it('encodes path parameters and refuses ones that would climb', () => {
    assert.equal(path`/videos/${'a/b c'}/remix`, '/videos/a%2Fb%20c/remix');
    assert.throws(() => path`/videos/${'..'}`, SDKError);
    assert.throws(() => path`/videos/${''}`, SDKError);
  });

  it('merges headers in order, null removing one', async () => {
    const { client, calls } = makeClient([json({})], { defaultHeaders: { 'x-team': 'a', 'x-drop': '1' } });
    await client.post(
      '/x',
      { body: { a: 1 }, headers: { 'openai-beta': 'v1' } },
      { headers: { 'x-team': 'b', 'x-drop': null, 'user-agent': null } },
    );
    const headers = calls[0]?.headers;
    assert.equal(headers?.get('x-team'), 'b');
    assert.equal(headers?.get('x-drop'), null);
    assert.equal(headers?.get('user-agent'), null);
    assert.equal(headers?.get('openai-beta'), 'v1');
    assert.equal(headers?.get('authorization'), `Bearer ${API_KEY}`);
    assert.equal(headers?.get('content-type'), 'application/json');
    assert.equal(headers?.get('accept'), 'application/json');
  });

  it('merges header names case-insensitively, from Headers, pairs or records, into one record fetch takes', async () => {
    let sent: HeadersInit | undefined;
    const client = new BaseClient(
      {
        apiKey: API_KEY,
        logLevel: 'off',
        defaultHeaders: new Headers({ 'X-Team': 'a', 'X-Drop': '1' }),
        fetch: async (_url, init) => {
          sent = init.headers;
          return json({});
        },
      },
      CONFIG,
    );
    await client.post(
      '/x',
      { body: {}, headers: [['OpenAI-Beta', 'v1']] },
      { headers: { 'X-TEAM': 'b', 'x-DROP': null, 'Content-Type': 'text/csv' }, idempotencyKey: 'k' },
    );
    assert.deepEqual(Object.entries(sent ?? {}).sort(), [
      ['accept', 'application/json'],
      ['authorization', `Bearer ${API_KEY}`],
      ['content-type', 'text/csv'],
      ['idempotency-key', 'k'],
      ['openai-beta', 'v1'],
      ['user-agent', 'example-sdk/1.0'],
      ['x-team', 'b'],
    ]);
  });

  it('gives each call its own headers, however many calls share their merge', async () => {
    const sent: Record<string, string>[] = [];
    const client = new BaseClient(
      {
        apiKey: API_KEY,
        logLevel: 'off',
        defaultHeaders: { 'x-team': 'a' },
        fetch: async (_url, init) => {
          const headers = init.headers as Record<string, string>;
          sent.push({ ...headers });
          headers['x-added-by-fetch'] = 'yes'; // a fetch wrapper may change what it is given
          return json({});
        },
      },
      { ...CONFIG, idempotencyHeader: undefined }, // a generated idempotency key is a header of the call's own
    );
    await client.post('/x', { body: {} });
    await client.post('/x', { body: {}, headers: { 'x-call': '1' } });
    await client.post('/x', { body: {} });
    await client.post('/x', { body: 'csv', bodyKind: 'raw', contentType: 'text/csv' });
    await client.request({ method: 'post', path: '/x', body: {}, parseAs: 'text' });
    const common = {
      accept: 'application/json',
      authorization: `Bearer ${API_KEY}`,
      'content-type': 'application/json',
      'user-agent': 'example-sdk/1.0',
      'x-team': 'a',
    };
    assert.deepEqual(sent, [
      common,
      { ...common, 'x-call': '1' },
      common,
      { ...common, 'content-type': 'text/csv' },
      common,
    ]);
  });

  it('sends a header named __proto__ (as pairs: fetch would drop it from a record)', async () => {
    const { client, calls } = makeClient([json({})]);
    await client.get('/x', { headers: { ['__proto__']: 'odd' } });
    assert.equal(calls[0]?.headers.get('__proto__'), 'odd');
  });

  it('sends the methods generated code casts to HTTPMethod (HEAD, OPTIONS...) as they are', async () => {
    const { client, calls } = makeClient([json({}), json({})]);
    await client.request({ method: 'head' as HTTPMethod, path: '/x', parseAs: 'response' });
    await client.request({ method: 'options' as HTTPMethod, path: '/x', parseAs: 'response' });
    assert.deepEqual(
      calls.map((call) => call.method),
      ['HEAD', 'OPTIONS'],
    );
  });

  it('sends JSON bodies', async () => {
    const { client, calls } = makeClient([json({ id: 'video_123' })]);
    await client.post(path`/videos/${'video_123'}/remix`, { body: { prompt: 'more cats' } });
    assert.equal(calls[0]?.method, 'POST');
    assert.equal(calls[0]?.url, 'https://api.example.test/v1/videos/video_123/remix');
    assert.equal(calls[0]?.body, '{"prompt":"more cats"}');
  });

  it('sends raw bodies with their content type', async () => {
    const { client, calls } = makeClient([json({}), json({})]);
    await client.put('/x', { body: new Uint8Array([7, 8]), bodyKind: 'raw', contentType: 'audio/wav' });
    await client.put('/y', { body: 'text', bodyKind: 'raw' });
    assert.equal(calls[0]?.headers.get('content-type'), 'audio/wav');
    assert.deepEqual([...new Uint8Array(await new Response(calls[0]?.body).arrayBuffer())], [7, 8]);
    assert.equal(calls[1]?.headers.get('content-type'), 'text/plain');
  });
});

describe('withOptions', () => {
  it('returns a copy with other headers, key, retries and timeout, leaving the original unchanged', async () => {
    const { fetch, calls } = scriptedFetch([json({}), json({}), json({})]);
    const original = new BaseClient(
      { apiKey: 'sk-a', fetch, logLevel: 'off', defaultHeaders: { 'x-team': 'a' } },
      CONFIG,
    );
    const copy = original.withOptions({ apiKey: 'sk-b', defaultHeaders: { 'x-team': 'b' }, maxRetries: 7, timeout: 5 });
    assert.ok(copy instanceof BaseClient && copy !== original);
    assert.deepEqual([copy.apiKey, copy.maxRetries, copy.timeout], ['sk-b', 7, 5]);
    assert.deepEqual([original.apiKey, original.maxRetries, original.timeout], ['sk-a', 2, 600000]);
    await copy.get('/x');
    await original.get('/x');
    assert.equal(calls[0]?.headers.get('authorization'), 'Bearer sk-b');
    assert.equal(calls[0]?.headers.get('x-team'), 'b');
    assert.equal(calls[1]?.headers.get('authorization'), 'Bearer sk-a');
    assert.equal(calls[1]?.headers.get('x-team'), 'a');
    const same = original.withOptions({});
    assert.deepEqual([same.apiKey, same.baseURL, same.maxRetries], [original.apiKey, original.baseURL, 2]);
    await same.get('/y');
    assert.equal(calls[2]?.url, 'https://api.example.test/v1/y');
  });

  it('keeps a key and base URL read from the environment', () => {
    process.env['EXAMPLE_API_KEY'] = 'sk-env';
    process.env['EXAMPLE_BASE_URL'] = 'http://env.test';
    const original = new BaseClient({ logLevel: 'off' }, CONFIG);
    delete process.env['EXAMPLE_API_KEY'];
    delete process.env['EXAMPLE_BASE_URL'];
    const copy = original.withOptions({ maxRetries: 0 });
    assert.deepEqual([copy.apiKey, copy.baseURL], ['sk-env', 'http://env.test']);
  });
});
