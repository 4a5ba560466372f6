/** Test helpers: a fetch that records each request and answers with a canned response. */

import type { Fetch } from '../src/core/index.js';

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

/** A fetch answering every call with `body` (status 200 unless given) and the requests it saw. */
export function cannedFetch(
  body: string,
  contentType: string,
  status = 200,
): { fetch: Fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: Fetch = async (url, init) => {
    requests.push({
      url: new URL(url),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
    });
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    return new Response(status === 204 ? null : body, { status, headers });
  };
  return { fetch, requests };
}

/** A small upload for file parameters. */
export function exampleFile(name: string, content: string, type: string): File {
  return new File([content], name, { type });
}
