import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { type MockServer, startPrism } from '../../generator/targets/typescript/templates/tests/prism.js';

const SPEC_COPY = '../../generator/targets/typescript/templates/tests/openapi.yaml';

// A stand-in `prism`: an HTTP server that exits on GET /crash (Prism 5 exits on some valid requests).
const FAKE_PRISM = `#!${process.execPath}
const http = require('node:http');
const fs = require('node:fs');
const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
fs.appendFileSync(process.env.STARTS, 'start\\n');
http.createServer((req, res) => {
  if (req.url === '/crash') process.exit(1);
  res.writeHead(204);
  res.end();
}).listen(port, '127.0.0.1');
`;

describe('the generated Prism tests helper', () => {
  const folder = mkdtempSync(join(tmpdir(), 'fake-prism-'));
  const starts = join(folder, 'starts.txt');
  let server: MockServer | undefined;
  after(async () => {
    await server?.stop();
  });

  it('starts Prism again when a request made it exit', async () => {
    const fake = join(folder, 'prism.cjs');
    writeFileSync(fake, FAKE_PRISM);
    chmodSync(fake, 0o755);
    // the helper serves the spec copy next to it (tests/openapi.*)
    writeFileSync(fileURLToPath(new URL(SPEC_COPY, import.meta.url)), '');
    delete process.env['SDKFORGE_NO_PRISM'];
    Object.assign(process.env, { SDKFORGE_PRISM: fake, STARTS: starts });
    server = await startPrism();
    assert.ok(server);
    await assert.rejects(server.fetch(`${server.url}/crash`, {}));
    await server.running();
    assert.equal((await fetch(`${server.url}/ok`)).status, 204);
    await server.running();
    assert.equal((await fetch(`${server.url}/ok`)).status, 204);
    assert.equal(readFileSync(starts, 'utf8'), 'start\nstart\n'); // once, and once after the crash only
  });
});
