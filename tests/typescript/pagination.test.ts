import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CursorPageConfig, PagePromise } from '../../generator/targets/typescript/runtime/index.js';
import { json, makeClient } from './helpers.js';

interface Video {
  id: string;
}

const LAST_ITEM: CursorPageConfig = {
  items: 'data',
  cursorParam: 'after',
  cursorSource: 'last_item:id',
  hasMore: 'has_more',
};
const RESPONSE_CURSOR: CursorPageConfig = {
  items: 'data',
  cursorParam: 'cursor',
  cursorSource: 'response:next_cursor',
};

const threePages = () => [
  json({ data: [{ id: 'v1' }, { id: 'v2' }], has_more: true }),
  json({ data: [{ id: 'v3' }, { id: 'v4' }], has_more: true }),
  json({ data: [{ id: 'v5' }], has_more: false }),
];

describe('cursor pagination', () => {
  it('walks every item of 3 pages with for await, sending the cursor', async () => {
    const { client, calls } = makeClient(threePages());
    const list = client.getAPIList<Video>('/videos', LAST_ITEM, { query: { limit: 2 } });
    assert.ok(list instanceof PagePromise);
    const ids: string[] = [];
    for await (const video of list) ids.push(video.id);
    assert.deepEqual(ids, ['v1', 'v2', 'v3', 'v4', 'v5']);
    const queries = calls.map((call) => new URL(call.url).search);
    assert.deepEqual(queries, ['?limit=2', '?limit=2&after=v2', '?limit=2&after=v4']);
  });

  it('awaits to the first page; hasNextPage and getNextPage step through', async () => {
    const { client } = makeClient(threePages());
    const first = await client.getAPIList<Video>('/videos', LAST_ITEM);
    assert.deepEqual(first.items, [{ id: 'v1' }, { id: 'v2' }]);
    assert.equal(first.hasNextPage(), true);
    const second = await first.getNextPage();
    assert.deepEqual(
      second.items.map((video) => video.id),
      ['v3', 'v4'],
    );
    const third = await second.getNextPage();
    assert.equal(third.hasNextPage(), false);
    await assert.rejects(third.getNextPage(), /No next page/);
  });

  it('iterPages yields each page', async () => {
    const { client } = makeClient(threePages());
    const first = await client.getAPIList<Video>('/videos', LAST_ITEM);
    const sizes: number[] = [];
    for await (const page of first.iterPages()) sizes.push(page.items.length);
    assert.deepEqual(sizes, [2, 2, 1]);
  });

  it('takes the cursor from the response body and stops when it is null', async () => {
    const { client, calls } = makeClient([
      json({ data: [{ id: 'a' }], next_cursor: 'c1' }),
      json({ data: [{ id: 'b' }], next_cursor: null }),
    ]);
    const ids: string[] = [];
    for await (const item of client.getAPIList<Video>('/items', RESPONSE_CURSOR)) ids.push(item.id);
    assert.deepEqual(ids, ['a', 'b']);
    assert.equal(new URL(calls[1]?.url ?? '').searchParams.get('cursor'), 'c1');
  });

  it('stops on an empty page even when it names a next cursor', async () => {
    const { client, calls } = makeClient([json({ data: [], next_cursor: 'c2' })]);
    const page = await client.getAPIList<Video>('/videos', RESPONSE_CURSOR);
    assert.equal(page.nextCursor(), 'c2');
    assert.equal(page.hasNextPage(), false);
    assert.equal(calls.length, 1);
  });

  it("keeps the caller's per-call options but lets the cursor win", async () => {
    const { client, calls } = makeClient(threePages());
    const first = await client.getAPIList<Video>(
      '/videos',
      LAST_ITEM,
      {},
      { query: { after: 'x' }, headers: { 'x-a': '1' } },
    );
    await first.getNextPage();
    assert.equal(new URL(calls[1]?.url ?? '').searchParams.get('after'), 'v2');
    assert.equal(calls[1]?.headers.get('x-a'), '1');
  });
});
