/** File uploads: what a caller may pass, `toFile`, and multipart bodies built with the global FormData. */

/** A file's content: a File or Blob, bytes, a fetch Response, or a stream of bytes (a Node readable stream). */
export type Uploadable = Blob | Uint8Array | ArrayBuffer | ArrayBufferView | Response | AsyncIterable<Uint8Array>;

export interface ToFileOptions {
  /** The MIME type; defaults to the input's own type, else none. */
  type?: string | undefined;
}

/** A File from any Uploadable, read into memory so a retried request can send it again. */
export async function toFile(value: Uploadable, name?: string, options: ToFileOptions = {}): Promise<File> {
  const fileName = name ?? nameOf(value) ?? 'upload';
  if (value instanceof Blob) {
    return new File([value], fileName, { type: options.type ?? value.type });
  }
  if (value instanceof Response) {
    const blob = await value.blob();
    return new File([blob], fileName, { type: options.type ?? blob.type });
  }
  const parts = isAsyncIterable(value) ? await collect(value) : [copyBytes(value)];
  return new File(parts, fileName, options.type === undefined ? {} : { type: options.type });
}

/** True for values `toFile` accepts (strings are text fields, not files). */
export function isUploadable(value: unknown): value is Uploadable {
  return (
    value instanceof Blob ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    value instanceof Response ||
    isAsyncIterable(value)
  );
}

/**
 * A multipart body in the bracket form the OpenAI API and its official SDKs use: files as file parts, objects as
 * `name[key]` parts (nested: `name[a][b]`), arrays as repeated `name[]` parts (files too), scalars as text (booleans
 * `true`/`false`); undefined and null are left out. A field in `partTypes` (the spec's `encoding` contentType) is one
 * part per item instead, JSON text for a JSON type (without a part Content-Type: FormData would make a Blob a file).
 */
export async function toFormData(
  body: Readonly<Record<string, unknown>>,
  partTypes: Readonly<Record<string, string>> = {},
): Promise<FormData> {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    const type = Object.hasOwn(partTypes, key) ? partTypes[key] : undefined;
    if (type === undefined) await appendBracketed(form, key, value);
    else for (const item of Array.isArray(value) ? value : [value]) await appendTyped(form, key, item, type);
  }
  return form;
}

async function appendBracketed(form: FormData, name: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) return;
  if (isUploadable(value)) {
    const file = await toFile(value);
    form.append(name, file, file.name);
  } else if (Array.isArray(value)) {
    for (const item of value) await appendBracketed(form, `${name}[]`, item);
  } else if (value instanceof Date) {
    form.append(name, value.toISOString());
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) await appendBracketed(form, `${name}[${key}]`, item);
  } else {
    form.append(name, String(value));
  }
}

async function appendTyped(form: FormData, name: string, value: unknown, type: string): Promise<void> {
  if (value === undefined || value === null) return;
  if (isUploadable(value)) {
    const file = await toFile(value);
    form.append(name, file, file.name);
  } else {
    form.append(name, type.includes('json') ? JSON.stringify(value) : String(value));
  }
}

function nameOf(value: Uploadable): string | undefined {
  if (value instanceof File) return value.name || undefined;
  if (value instanceof Response) return lastSegment(value.url);
  // Node's fs.ReadStream carries the path it reads
  const streamPath = (value as { path?: unknown }).path;
  return typeof streamPath === 'string' ? lastSegment(streamPath) : undefined;
}

function lastSegment(location: string): string | undefined {
  const segment = location.split(/[\\/]/).pop();
  return segment ? segment : undefined;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array<ArrayBuffer>[]> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : copyBytes(chunk));
  }
  return chunks;
}

// a copy owns a plain ArrayBuffer, which is what File accepts (not a SharedArrayBuffer view)
function copyBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
}
