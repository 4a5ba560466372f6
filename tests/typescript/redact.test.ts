import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';

import {
  BaseClient,
  type Logger,
  REDACTED,
  redactHeaders,
  redactURL,
} from '../../generator/targets/typescript/runtime/index.js';
import { API_KEY, CONFIG, json, makeClient, scriptedFetch } from './helpers.js';

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const record = (message: string, ...details: unknown[]) => {
    lines.push(`${message} ${JSON.stringify(details)}`);
  };
  return { logger: { error: record, warn: record, info: record, debug: record }, lines };
}

describe('secrets in logs', () => {
  afterEach(() => {
    delete process.env['EXAMPLE_LOG'];
  });

  it('redacts credential headers', () => {
    const headers = new Headers({ authorization: 'Bearer s', 'x-api-key': 'k', 'x-custom-key': 'c', accept: 'a' });
    assert.deepEqual(redactHeaders(headers, ['X-Custom-Key']), {
      accept: 'a',
      authorization: REDACTED,
      'x-api-key': REDACTED,
      'x-custom-key': REDACTED,
    });
  });

  it('redacts a credential query parameter', () => {
    assert.equal(
      redactURL('https://h.test/x?api_key=s&a=1', ['api_key']),
      'https://h.test/x?api_key=%3Credacted%3E&a=1',
    );
  });

  it('debug logs requests without the API key', async () => {
    const { logger, lines } = capturingLogger();
    const { client } = makeClient([json({}, 500), json({})], { logLevel: 'debug', logger });
    await client.get('/x');
    const text = lines.join('\n');
    assert.match(text, /request GET/);
    assert.match(text, /retrying in 500 ms/);
    assert.ok(text.includes(REDACTED));
    assert.ok(!text.includes(API_KEY), text);
  });

  it('redacts a key sent in the query', async () => {
    const { logger, lines } = capturingLogger();
    const config = {
      ...CONFIG,
      schemes: { bearer: { kind: 'apiKey', in: 'query', name: 'key', credentials: ['apiKey'] } },
    } as const;
    const { client } = makeClient([json({})], { logLevel: 'debug', logger }, config);
    await client.get('/x');
    assert.ok(!lines.join('\n').includes(API_KEY));
  });

  it('takes the log level from the environment and logs nothing at the default warn', async () => {
    const { logger, lines } = capturingLogger();
    const { fetch } = scriptedFetch([json({}), json({})]);
    await new BaseClient({ apiKey: API_KEY, fetch, logger }, CONFIG).get('/x');
    assert.equal(lines.length, 0);
    process.env['EXAMPLE_LOG'] = 'debug';
    await new BaseClient({ apiKey: API_KEY, fetch, logger }, { ...CONFIG, logLevelEnv: 'EXAMPLE_LOG' }).get('/x');
    assert.ok(lines.length > 0);
  });
});
