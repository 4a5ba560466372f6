import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { cancel, schedule } from '../../generator/targets/typescript/runtime/deadlines.js';

const MODULE = new URL('../../generator/targets/typescript/runtime/deadlines.js', import.meta.url).href;

/** Runs an ES module script importing { cancel, schedule } in a new Node process. */
function runScript(body: string) {
  const script = `import { cancel, schedule } from ${JSON.stringify(MODULE)};\n${body}`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
}

describe('deadlines (attempt timeouts on one shared timer)', () => {
  it('expire in time order, whatever order they were scheduled in; a cancelled one never does', async () => {
    const expired: string[] = [];
    const named = (name: string) => ({ expire: () => void expired.push(name) });
    schedule(30, named('c'));
    schedule(10, named('a'));
    const dropped = schedule(15, named('x'));
    schedule(20, named('b'));
    cancel(dropped);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepEqual(expired, ['a', 'b', 'c']);
  });

  it('let the process exit once none is pending, even with a long one cancelled', () => {
    const result = runScript('cancel(schedule(600_000, { expire() {} }));');
    assert.equal(result.error, undefined);
    assert.equal(result.status, 0);
  });

  it('keep the process alive while one is pending, also after the timer was let go', () => {
    const result = runScript(
      "cancel(schedule(50, { expire() {} }));\nschedule(100, { expire() { console.log('expired'); } });",
    );
    assert.equal(result.stdout.trim(), 'expired', result.stderr);
    assert.equal(result.status, 0);
  });
});
