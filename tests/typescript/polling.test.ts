import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { PollConfig } from '../../generator/targets/typescript/runtime/index.js';
import { json, makeClient } from './helpers.js';

const CONFIG: PollConfig = {
  statusField: 'status',
  pending: ['queued', 'in_progress'],
  intervalHeader: 'openai-poll-after-ms',
  defaultIntervalMs: 1000,
};

describe('polling', () => {
  it('retrieves until the status leaves the pending values, waiting as the header says', async () => {
    const { client, calls, sleeps } = makeClient([
      json({ id: 'v', status: 'queued' }, 200, { 'openai-poll-after-ms': '250' }),
      json({ id: 'v', status: 'in_progress' }),
      json({ id: 'v', status: 'completed' }),
    ]);
    const video = await client.poll(() => client.get<{ id: string; status: string }>('/videos/v'), CONFIG);
    assert.equal(video.status, 'completed');
    assert.equal(calls.length, 3);
    assert.deepEqual(sleeps, [250, 1000]);
  });

  it("uses the caller's interval when the response gives none", async () => {
    const { client, sleeps } = makeClient([json({ status: 'queued' }), json({ status: 'failed' })]);
    const done = await client.poll(() => client.get<{ status: string }>('/x'), CONFIG, { pollIntervalMs: 5 });
    assert.equal(done.status, 'failed');
    assert.deepEqual(sleeps, [5]);
  });

  it('stops when the caller aborts', async () => {
    const { client } = makeClient([json({ status: 'queued' })]);
    const signal = AbortSignal.abort();
    await assert.rejects(
      client.poll(() => client.get('/x'), CONFIG, { signal }),
      { name: 'APIUserAbortError' },
    );
  });
});
