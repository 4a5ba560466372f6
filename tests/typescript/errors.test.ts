import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../generator/targets/typescript/runtime/index.js';
import { API_KEY, json, makeClient } from './helpers.js';

const CLASSES: [number, typeof APIError][] = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
  [418, APIError],
];

describe('errors', () => {
  for (const [status, ErrorClass] of CLASSES) {
    it(`status ${status} throws ${ErrorClass.name} with status, headers, body and requestID`, async () => {
      const body = { error: { message: 'went wrong', type: 'invalid_request_error' } };
      const { client } = makeClient([json(body, status, { 'x-request-id': 'req_42', 'x-should-retry': 'false' })]);
      const error = await client.get('/x').catch((caught: unknown) => caught);
      assert.ok(error instanceof ErrorClass);
      assert.equal(error.constructor, ErrorClass);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.status, status);
      assert.equal(error.requestID, 'req_42');
      assert.deepEqual(error.error, body);
      assert.equal(error.headers?.get('x-request-id'), 'req_42');
      assert.equal(error.message, `${status} went wrong`);
    });
  }

  it('exposes code, type and param of the error object, nested or top-level, as openai-node does', async () => {
    const cases: [unknown, [unknown, unknown, unknown]][] = [
      [
        { error: { code: 'insufficient_quota', type: 'quota', param: 'model', message: 'm' } },
        ['insufficient_quota', 'quota', 'model'],
      ],
      [
        { code: 'bad_id', type: 'invalid_request_error', param: null, message: 'top' },
        ['bad_id', 'invalid_request_error', null],
      ],
      [{ error: { code: 42, message: 'numeric' } }, ['42', undefined, undefined]],
      [{ error: 'plain text' }, [undefined, undefined, undefined]],
      ['not json', [undefined, undefined, undefined]],
    ];
    for (const [body, expected] of cases) {
      const reply = typeof body === 'string' ? new Response(body, { status: 400 }) : json(body, 400);
      const { client } = makeClient([reply]);
      const error = await client.get('/x').catch((caught: unknown) => caught);
      assert.ok(error instanceof BadRequestError);
      assert.deepEqual([error.code, error.type, error.param], expected, JSON.stringify(body));
    }
  });

  it('describes an error without a body', async () => {
    const { client } = makeClient([new Response(null, { status: 404 })]);
    await assert.rejects(client.get('/x'), { name: 'NotFoundError', message: '404 status code (no body)' });
  });

  it('keeps a text body and a top-level message', async () => {
    const { client } = makeClient([new Response('plain failure', { status: 400 }), json({ message: 'flat' }, 400)]);
    await assert.rejects(client.get('/x'), { message: '400 plain failure', error: 'plain failure' });
    await assert.rejects(client.get('/x'), { message: '400 flat' });
  });

  it('never puts the API key or URL in the message', async () => {
    const { client } = makeClient([json({ detail: 'bad' }, 401)]);
    const error = await client.get('/x', { query: { token: 'q' } }).catch((caught: unknown) => caught);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.message, '401 bad');
    assert.ok(!String(error.stack).includes(API_KEY));
  });
});
