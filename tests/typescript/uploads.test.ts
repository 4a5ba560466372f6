import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';

import { toFile, toFormData } from '../../generator/targets/typescript/runtime/index.js';
import { json, makeClient } from './helpers.js';

async function* chunks(): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode('hello ');
  yield new TextEncoder().encode('world');
}

describe('toFile', () => {
  it('wraps a Blob, keeping its type unless told otherwise', async () => {
    const file = await toFile(new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
    assert.equal(file.name, 'a.txt');
    assert.equal(file.type, 'text/plain');
    assert.equal(await file.text(), 'abc');
    assert.equal((await toFile(file, undefined, { type: 'text/csv' })).type, 'text/csv');
  });

  it("keeps a File's name", async () => {
    const file = await toFile(new File(['x'], 'clip.mp4', { type: 'video/mp4' }));
    assert.equal(file.name, 'clip.mp4');
  });

  it('reads Uint8Array and ArrayBuffer', async () => {
    const bytes = new Uint8Array([104, 105]);
    assert.equal(await (await toFile(bytes, 'b.bin')).text(), 'hi');
    assert.equal(await (await toFile(bytes.buffer, 'b.bin')).text(), 'hi');
  });

  it('reads an async iterable of bytes', async () => {
    const file = await toFile(chunks(), 's.txt', { type: 'text/plain' });
    assert.equal(await file.text(), 'hello world');
    assert.equal(file.type, 'text/plain');
  });

  it('reads a Node readable stream and takes the name of a file stream', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sdk-upload-'));
    const filePath = join(dir, 'input.jsonl');
    await writeFile(filePath, '{"a":1}\n');
    const fromFile = await toFile(createReadStream(filePath));
    assert.equal(fromFile.name, 'input.jsonl');
    assert.equal(await fromFile.text(), '{"a":1}\n');
    const fromReadable = await toFile(Readable.from([Buffer.from('node')]), 'n.txt');
    assert.equal(await fromReadable.text(), 'node');
  });
});

describe('multipart bodies', () => {
  it('builds FormData in the bracket form: files, objects as name[key], arrays as name[], scalars as text', async () => {
    const form = await toFormData({
      file: new Blob(['abc'], { type: 'text/plain' }),
      bytes: new Uint8Array([1]),
      stream: chunks(),
      tags: ['a', { k: 'v' }, 3],
      meta: { anchor: 'created_at', window: { from: 1, to: null }, flags: [true, false] },
      images: [new Blob(['one']), new Blob(['two'])],
      n: 3,
      skipped: undefined,
    });
    assert.ok(form.get('file') instanceof File);
    assert.ok(form.get('bytes') instanceof File);
    assert.equal(await (form.get('stream') as File).text(), 'hello world');
    const texts = [...form.entries()].filter(([, value]) => typeof value === 'string');
    assert.deepEqual(texts, [
      ['tags[]', 'a'],
      ['tags[][k]', 'v'],
      ['tags[]', '3'],
      ['meta[anchor]', 'created_at'],
      ['meta[window][from]', '1'],
      ['meta[flags][]', 'true'],
      ['meta[flags][]', 'false'],
      ['n', '3'],
    ]);
    const images = form.getAll('images[]') as File[];
    assert.deepEqual(await Promise.all(images.map((image) => image.text())), ['one', 'two']);
    assert.equal(form.has('skipped'), false);
  });

  it('sends a field with a declared part type as one part per item, JSON text for a JSON type', async () => {
    const form = await toFormData(
      { session: { type: 'realtime' }, notes: ['# one', 'two'], quoted: 'x', meta: { k: 1 } },
      { session: 'application/json', notes: 'text/markdown', quoted: 'application/json' },
    );
    assert.deepEqual(
      [...form.entries()],
      [
        ['session', '{"type":"realtime"}'],
        ['notes', '# one'],
        ['notes', 'two'],
        ['quoted', '"x"'],
        ['meta[k]', '1'],
      ],
    );
  });

  it('sends multipart through the client, leaving the boundary to fetch', async () => {
    const { client, calls } = makeClient([json({ id: 'file_1' })]);
    const upload = await toFile(new Uint8Array([1, 2]), 'data.bin');
    await client.post('/files', { body: { file: upload, purpose: 'batch' }, bodyKind: 'multipart' });
    const body = calls[0]?.body;
    assert.ok(body instanceof FormData);
    assert.equal((body.get('file') as File).name, 'data.bin');
    assert.equal(calls[0]?.headers.get('content-type'), null);
  });
});
