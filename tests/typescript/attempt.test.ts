import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Attempt } from '../../generator/targets/typescript/runtime/attempt.js';
import { json, makeClient } from './helpers.js';

/** An attempt with no timeout: nothing left scheduled when a test does not settle it. */
function untimed(): Attempt {
  return new Attempt(Number.POSITIVE_INFINITY, undefined);
}

/** Takes every spare controller (never released), so that the next attempt starts a new one. */
function drainSpares(): void {
  for (let i = 0; i < 64; i++) untimed();
}

function finished(attempt: Attempt): Attempt {
  attempt.settle();
  attempt.release();
  return attempt;
}

describe('attempt controllers', () => {
  it('hand the controller of a released attempt to the next one, eight attempts at most', () => {
    drainSpares();
    const first = finished(new Attempt(1000, undefined));
    const controllers = [first.controller];
    for (let i = 0; i < 8; i++) controllers.push(finished(new Attempt(1000, undefined)).controller);
    assert.equal(new Set(controllers.slice(0, 8)).size, 1);
    assert.notEqual(controllers[8], first.controller);
  });

  it('never hand on a controller that was aborted, is tied to a caller signal, or was released twice', async () => {
    drainSpares();
    const timedOut = new Attempt(1, undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(timedOut.controller.signal.aborted, true);
    timedOut.release();
    assert.notEqual(untimed().controller, timedOut.controller);

    const tied = finished(new Attempt(1000, new AbortController().signal));
    assert.notEqual(untimed().controller, tied.controller);

    const twice = finished(new Attempt(1000, undefined));
    twice.release();
    assert.notEqual(untimed().controller, untimed().controller);
  });

  it('go from a call whose JSON body was read to the next call, never from one whose Response was handed out', async () => {
    drainSpares();
    const raw = new Response('bytes');
    const { client, calls } = makeClient([json({ n: 1 }), json({ n: 2 }), raw, json({ n: 3 })]);
    assert.deepEqual(await client.get('/a'), { n: 1 });
    assert.deepEqual(await client.get('/b'), { n: 2 });
    assert.equal(calls[1]?.signal, calls[0]?.signal);
    assert.equal(await client.get<Response>('/c', { parseAs: 'response' }), raw);
    await client.get('/d');
    assert.notEqual(calls[3]?.signal, calls[2]?.signal);
    assert.equal(calls[2]?.signal?.aborted, false);
  });
});
