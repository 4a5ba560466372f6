/** `APIPromise<T>`: a Promise of the parsed body that can also hand out the raw Response. */

import type { Attempt } from './attempt.js';

/** What a successful request leaves: the response and the controller that can still abort its body. */
export interface APIResponseProps {
  response: Response;
  controller: AbortController;
  /** The attempt that got the response: released (`Attempt.release`) once its body is read in full. */
  attempt?: Attempt | undefined;
}

export type ResponseParser<T> = (props: APIResponseProps) => Promise<T>;

/**
 * Resolves to the parsed body; `.asResponse()` gives the raw Response (body unread) and `.withResponse()`
 * both. The body is parsed once, on the first `then`, so asking only for the Response leaves it unread.
 */
function placeholder(resolve: (value: never) => void): void {
  resolve(undefined as never);
}

export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined;
  protected readonly responsePromise: Promise<APIResponseProps>;
  protected readonly parseResponse: ResponseParser<T>;

  constructor(responsePromise: Promise<APIResponseProps>, parseResponse: ResponseParser<T>) {
    // the base promise is a placeholder: then/catch/finally below answer from the parsed body instead
    super(placeholder);
    this.responsePromise = responsePromise;
    this.parseResponse = parseResponse;
  }

  /** The raw Response, its body unread (a download can stream it). */
  asResponse(): Promise<Response> {
    return this.responsePromise.then((props) => props.response);
  }

  /** The parsed body together with the Response (its headers, status...). */
  async withResponse(): Promise<{ data: T; response: Response }> {
    const [data, response] = await Promise.all([this.parse(), this.asResponse()]);
    return { data, response };
  }

  private parse(): Promise<T> {
    this.parsed ??= parseOnce(this.responsePromise, this.parseResponse);
    return this.parsed;
  }

  override then<Fulfilled = T, Rejected = never>(
    onfulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.parse().then(onfulfilled, onrejected);
  }

  override catch<Rejected = never>(
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<T | Rejected> {
    return this.parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.parse().finally(onfinally);
  }
}

// awaits rather than `.then(parse)`: a promise returned from a then callback costs two more ticks to adopt
async function parseOnce<T>(responsePromise: Promise<APIResponseProps>, parse: ResponseParser<T>): Promise<T> {
  return await parse(await responsePromise);
}
