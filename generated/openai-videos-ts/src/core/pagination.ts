/** Cursor pagination configured by data: where the items, the next cursor and the has-more flag are. */

import { APIPromise } from './api-promise.js';
import { SDKError } from './errors.js';
import type { Query } from './query.js';

/** Generated from the API description, one per paginated operation shape. */
export interface CursorPageConfig {
  /** The body field holding the page's items, e.g. "data" (dots reach nested fields). */
  items: string;
  /** The query parameter that asks for the next page, e.g. "after". */
  cursorParam: string;
  /** `last_item:<field>` (a field of the last item) or `response:<field>` (a field of the body). */
  cursorSource: `last_item:${string}` | `response:${string}`;
  /** The body field that says whether more pages exist, e.g. "has_more"; absent: the cursor decides. */
  hasMore?: string | undefined;
}

/** Fetches the page that the same call returns with extra query parameters (the cursor). */
export type PageFetcher<Item> = (cursorQuery: Query) => PagePromise<CursorPage<Item>, Item>;

export class CursorPage<Item> implements AsyncIterable<Item> {
  readonly items: Item[];
  readonly body: unknown;
  readonly response: Response;
  protected readonly config: CursorPageConfig;
  protected readonly fetchPage: PageFetcher<Item>;

  constructor(body: unknown, response: Response, config: CursorPageConfig, fetchPage: PageFetcher<Item>) {
    const items = fieldAt(body, config.items);
    this.items = Array.isArray(items) ? (items as Item[]) : [];
    this.body = body;
    this.response = response;
    this.config = config;
    this.fetchPage = fetchPage;
  }

  hasNextPage(): boolean {
    if (this.items.length === 0) return false;
    if (this.config.hasMore !== undefined && fieldAt(this.body, this.config.hasMore) === false) return false;
    return this.nextCursor() !== undefined;
  }

  /** The cursor value that asks for the next page, undefined when there is none. */
  nextCursor(): string | undefined {
    const [source, field] = splitSource(this.config.cursorSource);
    const holder = source === 'last_item' ? this.items[this.items.length - 1] : this.body;
    const cursor = fieldAt(holder, field);
    return typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) || undefined : undefined;
  }

  getNextPage(): Promise<CursorPage<Item>> {
    const cursor = this.nextCursor();
    if (!this.hasNextPage() || cursor === undefined) {
      return Promise.reject(new SDKError('No next page: check hasNextPage() first.'));
    }
    return this.fetchPage({ [this.config.cursorParam]: cursor });
  }

  /** This page and every following one. */
  async *iterPages(): AsyncGenerator<CursorPage<Item>> {
    let page: CursorPage<Item> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of this.iterPages()) yield* page.items;
  }
}

/** A first page that is awaitable (the page) and async-iterable (every item of every page). */
export class PagePromise<Page extends CursorPage<Item>, Item> extends APIPromise<Page> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    const page = await this;
    yield* page;
  }
}

function splitSource(source: CursorPageConfig['cursorSource']): [string, string] {
  const colon = source.indexOf(':');
  return [source.slice(0, colon), source.slice(colon + 1)];
}

function fieldAt(value: unknown, dotted: string): unknown {
  let current = value;
  for (const key of dotted.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
