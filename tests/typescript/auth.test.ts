import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import {
  BaseClient,
  type ClientConfig,
  type RequestSpec,
  SDKError,
} from '../../generator/targets/typescript/runtime/index.js';
import { json, type RecordedCall, scriptedFetch } from './helpers.js';

// The schemes of tests/fixtures/specs/auth.yaml, as the generator plans them (OAuth2 and OpenID Connect: bearer)
const CONFIG: ClientConfig = {
  defaultBaseURL: 'https://auth.example.test/v1',
  credentialEnv: {
    bearerAuth: 'FX_AUTH_BEARER_AUTH',
    username: 'FX_AUTH_USERNAME',
    password: 'FX_AUTH_PASSWORD',
    headerKey: 'FX_AUTH_HEADER_KEY',
    queryKey: 'FX_AUTH_QUERY_KEY',
    cookieKey: 'FX_AUTH_COOKIE_KEY',
    oauth: 'FX_AUTH_OAUTH',
  },
  schemes: {
    bearerAuth: { kind: 'bearer', credentials: ['bearerAuth'] },
    basicAuth: { kind: 'basic', credentials: ['username', 'password'] },
    headerKey: { kind: 'apiKey', in: 'header', name: 'X-Key', credentials: ['headerKey'] },
    queryKey: { kind: 'apiKey', in: 'query', name: 'api_key', credentials: ['queryKey'] },
    cookieKey: { kind: 'apiKey', in: 'cookie', name: 'session', credentials: ['cookieKey'] },
    oauth: { kind: 'bearer', credentials: ['oauth'] },
  },
  security: [['bearerAuth']],
};

const ALL = {
  bearerAuth: 'b-tok',
  username: 'alice',
  password: 's3cr:t pw é',
  headerKey: 'h-key',
  queryKey: 'q-key',
  cookieKey: 'c-key',
  oauth: 'o-tok',
};

function make(credentials: Record<string, string> = {}, replies = 1) {
  const { fetch, calls } = scriptedFetch(Array.from({ length: replies }, () => json({ ok: true })));
  const client = new BaseClient({ ...credentials, fetch, logLevel: 'off', maxRetries: 0 }, CONFIG);
  return { client, calls };
}

async function send(credentials: Record<string, string>, spec: Omit<RequestSpec, 'method' | 'path'> = {}) {
  const { client, calls } = make(credentials);
  await client.request({ method: 'get', path: '/x', ...spec });
  return calls[0] as RecordedCall;
}

function noCredentials(call: RecordedCall): boolean {
  const { headers } = call;
  return (
    !headers.has('authorization') && !headers.has('x-key') && !headers.has('cookie') && !call.url.includes('api_key')
  );
}

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('security schemes', () => {
  afterEach(() => {
    for (const name of Object.values(CONFIG.credentialEnv ?? {})) delete process.env[name];
  });

  it('sends each kind where its scheme says', async () => {
    assert.equal((await send(ALL)).headers.get('authorization'), 'Bearer b-tok');
    const basicCall = await send(ALL, { security: [['basicAuth']] });
    assert.equal(basicCall.headers.get('authorization'), basic('alice:s3cr:t pw é'));
    const header = await send(ALL, { security: [['headerKey']] });
    assert.equal(header.headers.get('x-key'), 'h-key');
    assert.equal(header.headers.get('authorization'), null);
    const query = await send(ALL, { security: [['queryKey']], query: { limit: 3 } });
    assert.deepEqual(Object.fromEntries(new URL(query.url).searchParams), { api_key: 'q-key', limit: '3' });
    assert.equal(query.headers.get('authorization'), null);
    assert.equal((await send(ALL, { security: [['cookieKey']] })).headers.get('cookie'), 'session=c-key');
    assert.equal((await send(ALL, { security: [['oauth']] })).headers.get('authorization'), 'Bearer o-tok');
  });

  it('sends nothing for security: [], whatever the client holds', async () => {
    assert.ok(noCredentials(await send(ALL, { security: [] })));
  });

  it('AND: every scheme of one requirement object', async () => {
    const call = await send(ALL, { security: [['headerKey', 'queryKey']] });
    assert.equal(call.headers.get('x-key'), 'h-key');
    assert.equal(new URL(call.url).searchParams.get('api_key'), 'q-key');
  });

  it('OR: the first alternative whose credentials are all set', async () => {
    const either = [['headerKey'], ['basicAuth']] as const;
    const first = await send(ALL, { security: either });
    assert.equal(first.headers.get('x-key'), 'h-key');
    assert.equal(first.headers.get('authorization'), null);
    const second = await send({ username: 'bob', password: 'pw' }, { security: either });
    assert.equal(second.headers.get('authorization'), basic('bob:pw'));
    assert.equal(second.headers.get('x-key'), null);
    const half = await send({ username: 'bob', headerKey: 'h' }, { security: [['basicAuth'], ['headerKey']] });
    assert.equal(half.headers.get('x-key'), 'h'); // basic lacks its password: the next alternative
  });

  it('optional security: the cookie when set, else nothing and no error', async () => {
    const optional = [['cookieKey'], []] as const;
    assert.ok(noCredentials(await send({}, { security: optional })));
    assert.equal((await send(ALL, { security: optional })).headers.get('cookie'), 'session=c-key');
  });

  it('a missing credential fails the call that needs it, naming options and variables, and sends nothing', async () => {
    const { client, calls } = make({ headerKey: 'h' });
    await assert.rejects(client.request({ method: 'get', path: '/bearer' }), (error: unknown) => {
      assert.ok(error instanceof SDKError);
      assert.equal(
        error.message,
        'GET /bearer needs credentials: pass bearerAuth to the client (or set FX_AUTH_BEARER_AUTH in the environment).',
      );
      return true;
    });
    const either = client.request({ method: 'get', path: '/e', security: [['queryKey'], ['basicAuth']] });
    await assert.rejects(either, {
      message:
        'GET /e needs credentials: pass queryKey to the client (or set FX_AUTH_QUERY_KEY in the environment); ' +
        'or pass username and password to the client (or set FX_AUTH_USERNAME and FX_AUTH_PASSWORD in the environment).',
    });
    await assert.rejects(client.request({ method: 'get', path: '/b', security: [['headerKey', 'queryKey']] }), {
      message: /pass queryKey to the client/,
    });
    assert.equal(calls.length, 0);
  });

  it('reads credentials from the environment; an option wins', async () => {
    process.env['FX_AUTH_HEADER_KEY'] = 'env-key';
    process.env['FX_AUTH_USERNAME'] = 'env-user';
    process.env['FX_AUTH_PASSWORD'] = 'env-pw';
    assert.equal((await send({}, { security: [['headerKey']] })).headers.get('x-key'), 'env-key');
    assert.equal((await send({ headerKey: 'opt' }, { security: [['headerKey']] })).headers.get('x-key'), 'opt');
    assert.equal(
      (await send({}, { security: [['basicAuth']] })).headers.get('authorization'),
      basic('env-user:env-pw'),
    );
  });

  it('checks the default requirement at construction when told to', () => {
    assert.throws(() => new BaseClient({}, { ...CONFIG, checkAtInit: true }), /This client needs credentials/);
    const options: Record<string, string> = { bearerAuth: 'b' };
    assert.ok(new BaseClient(options, { ...CONFIG, checkAtInit: true }));
    assert.ok(new BaseClient({}, CONFIG)); // without checkAtInit a missing credential fails only the call needing it
  });

  it('withOptions keeps every credential, and replaces the ones given', async () => {
    const { client, calls } = make(ALL, 2);
    const copy = client.withOptions({ headerKey: 'h2' } as Record<string, string>);
    await copy.request({ method: 'get', path: '/x', security: [['headerKey', 'cookieKey']] });
    await client.request({ method: 'get', path: '/x', security: [['headerKey']] });
    assert.equal(calls[0]?.headers.get('x-key'), 'h2');
    assert.equal(calls[0]?.headers.get('cookie'), 'session=c-key');
    assert.equal(calls[1]?.headers.get('x-key'), 'h-key');
  });
});

describe('cookie parameters', () => {
  it('go in one Cookie header with cookie credentials, encoded, undefined ones left out', async () => {
    const call = await send(ALL, {
      security: [['cookieKey']],
      cookies: { theme: 'dark mode', count: 2, absent: undefined, flag: true },
    });
    assert.equal(call.headers.get('cookie'), 'theme=dark%20mode; count=2; flag=true; session=c-key');
    const plain = await send({}, { security: [], cookies: { theme: 'x;y' } });
    assert.equal(plain.headers.get('cookie'), 'theme=x%3By');
    assert.equal((await send({}, { security: [], cookies: {} })).headers.get('cookie'), null);
  });
});

describe('redaction', () => {
  it('never logs a credential, whatever the scheme', async () => {
    const lines: string[] = [];
    const write = (message: string, details?: unknown) => lines.push(`${message} ${JSON.stringify(details)}`);
    const logger = { debug: write, info: write, warn: write, error: write };
    const { fetch } = scriptedFetch(Array.from({ length: 3 }, () => json({})));
    const client = new BaseClient({ ...ALL, fetch, logger, logLevel: 'debug' }, CONFIG);
    await client.request({ method: 'get', path: '/x', security: [['headerKey', 'queryKey', 'cookieKey']] });
    await client.request({ method: 'get', path: '/x', security: [['basicAuth']] });
    await client.request({ method: 'get', path: '/x' });
    const text = lines.join('\n');
    assert.ok(text.includes('request GET'), text);
    for (const secret of ['b-tok', 'h-key', 'q-key', 'c-key', Buffer.from('alice:s3cr:t pw é').toString('base64')]) {
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
  });
});
