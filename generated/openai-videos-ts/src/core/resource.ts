/** The base of every generated resource class: it holds the client its methods call. */

import type { BaseClient } from './client.js';

export class APIResource<Client extends BaseClient = BaseClient> {
  protected readonly _client: Client;

  constructor(client: Client) {
    this._client = client;
  }
}
